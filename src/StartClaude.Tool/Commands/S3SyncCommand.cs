using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
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
        var json = Json ? JsonOutput.Result("s3-sync") : null;
        if (json is not null)
        {
            json["remote"] = target.RemoteName;
            Describe(json, report);
        }
        var exitCode = await SyncTeamsAsync(answerer, json).ConfigureAwait(false);
        if (json is not null)
            console.WriteJson(json);
        return exitCode;
    }

    // Each team after one's own document: a team that cannot be synced is named with why, and the others still are.
    private async Task<int> SyncTeamsAsync(PromptedSyncAnswerer answerer, JsonObject? json)
    {
        var names = teams.Names();
        if (names.Count == 0)
            return 0;
        var results = new JsonArray();
        var exitCode = 0;
        foreach (var name in names)
        {
            var entry = new JsonObject { ["team"] = name };
            try
            {
                var team = teamTargets.Open(name);
                entry["remote"] = team.RemoteName;
                var report = await team.Engine.RunAsync(team.Target, new SyncRequest.TwoWay(), answerer, DryRun).ConfigureAwait(false);
                console.Plain($"Team {name}:");
                SyncReportWriter.Write(console, report, team.RemoteName);
                entry["ok"] = true;
                Describe(entry, report);
            }
            catch (StartClaudeException ex)
            {
                console.Error.WriteLine($"error: team {name}: {TerminalText.Escape(ex.Message)}");
                entry["ok"] = false;
                entry["error"] = ex.Message;
                entry["exitCode"] = ex.ExitCode;
                exitCode = Math.Max(exitCode, ex.ExitCode);
            }
            results.Add(entry);
        }
        if (json is not null)
        {
            json["teams"] = results;
            if (exitCode != 0)
            {
                json["ok"] = false;
                json["exitCode"] = exitCode;
            }
        }
        return exitCode;
    }

    private static void Describe(JsonObject json, SyncReport report)
    {
        json["outcome"] = JsonWords.Outcome(report.Outcome);
        json["reason"] = report.Reason;
        json["dryRun"] = report.DryRun;
        json["pending"] = report.Pending is { } pending ? JsonWords.Question(pending) : null;
        json["localChanges"] = JsonOutput.Changes(report.LocalChanges);
        json["remoteChanges"] = JsonOutput.Changes(report.RemoteChanges);
        json["conflicts"] = new JsonArray([.. report.Conflicts.Select(c => (JsonNode?)c.Label)]);
        json["retries"] = report.Retries;
        json["conditionalWrites"] = report.ConditionalWrites;
    }
}
