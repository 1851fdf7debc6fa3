using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-sync", Description = "Two-way sync against the last agreed state: one-sided changes win without a question, both-sided ones merge per config; only real conflicts ask (or --prefer).")]
internal sealed class S3SyncCommand(HomeLock homeLock, SyncTargetLoader loader, SyncEngine engine, Prompts prompts, ToolConsole console) : JsonCommandBase
{
    [Option("--prefer <SIDE>", Description = "Decide conflicts without asking: 'local' keeps this machine's version, 'remote' the remote one.")]
    [AllowedValues("local", "remote", IgnoreCase = true, ErrorMessage = "--prefer must be local or remote")]
    public string? Prefer { get; set; }

    [Option("--dry-run", Description = "Print what would happen and change nothing, here or remotely.")]
    public bool DryRun { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        using var homeLockHeld = homeLock.Acquire();
        var target = loader.Open();
        ConflictSide? prefer = Prefer is null ? null
            : Prefer.Equals("local", StringComparison.OrdinalIgnoreCase) ? ConflictSide.Local : ConflictSide.Remote;
        var answerer = new PromptedSyncAnswerer(prefer, prompts, console, QuestionWording.Sync);
        var report = await engine.RunAsync(target, new SyncRequest.TwoWay(), answerer, DryRun).ConfigureAwait(false);
        SyncReportWriter.Write(console, report, target.RemoteName);
        if (Json)
        {
            var json = JsonOutput.Result("s3-sync");
            json["remote"] = target.RemoteName;
            json["outcome"] = JsonWords.Outcome(report.Outcome);
            json["reason"] = report.Reason;
            json["dryRun"] = report.DryRun;
            json["pending"] = report.Pending is { } pending ? JsonWords.Question(pending) : null;
            json["localChanges"] = JsonOutput.Changes(report.LocalChanges);
            json["remoteChanges"] = JsonOutput.Changes(report.RemoteChanges);
            json["conflicts"] = new System.Text.Json.Nodes.JsonArray([.. report.Conflicts.Select(c => (System.Text.Json.Nodes.JsonNode?)c.Label)]);
            json["retries"] = report.Retries;
            json["conditionalWrites"] = report.ConditionalWrites;
            console.WriteJson(json);
        }
        return 0;
    }
}
