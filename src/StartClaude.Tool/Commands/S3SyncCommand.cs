using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Tool.Commands.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-sync", Description = "Two-way sync against the last agreed state: one-sided changes win without a question, both-sided ones merge per config; only real conflicts ask (or --prefer). Then each team's document this machine is in.")]
internal sealed class S3SyncCommand(HomeLock homeLock, SyncTargetLoader loader, SyncEngine engine, TeamStateStore teams, TeamTargets teamTargets, Prompts prompts, ToolConsole console) : JsonCommandBase
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
        var json = JsonOutput.Result("s3-sync");
        json["remote"] = target.RemoteName;
        SyncReportJson.Describe(json, report);

        // Then each team this machine is in.
        var exitCode = 0;
        if (teams.Names() is { Count: > 0 } names)
        {
            var results = new JsonArray();
            exitCode = await new TeamSyncRun(teamTargets, console).RunAsync(names, new PromptedSyncAnswerer(prefer, prompts, console, QuestionWording.TeamSync), DryRun, replace: false, results).ConfigureAwait(false);
            json["teams"] = results;
            if (exitCode != 0)
            {
                json["ok"] = false;
                json["exitCode"] = exitCode;
            }
        }
        if (Json)
            console.WriteJson(json);
        return exitCode;
    }
}
