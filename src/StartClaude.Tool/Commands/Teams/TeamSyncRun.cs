using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

/// <summary>
/// Syncs teams one after another, as <c>s3-sync</c> and <c>team sync</c> both do: each says what it did under
/// "Team NAME:"; one that cannot be synced is one <c>error: team NAME: …</c> line, and the others still sync.
/// </summary>
internal sealed class TeamSyncRun(TeamTargets targets, ToolConsole console)
{
    /// <summary>The highest exit code of the teams (0 when all synced); per team, a JSON entry in <paramref name="results"/>.</summary>
    /// <param name="replace">Write this machine's copy over the bucket's (after a refused document) instead of a two-way sync.</param>
    public async Task<int> RunAsync(IReadOnlyList<string> names, ISyncAnswerer answerer, bool dryRun, bool replace, JsonArray results)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(results);
        var exitCode = 0;
        foreach (var name in names)
        {
            var entry = new JsonObject { ["team"] = name };
            try
            {
                var team = targets.Open(name);
                entry["remote"] = team.RemoteName;
                // Named before the sync runs: a conflict question on a terminal then says whose document it is about.
                console.Plain($"Team {name}:");
                SyncReport report;
                if (replace)
                {
                    // Written over only what this machine's list knows: the metadata names the list the bucket's copy was written under.
                    if (team.Seal.StaleAgainst(await team.Store.ReadMetadataAsync().ConfigureAwait(false)) is { } stale)
                        throw new TeamException(stale);
                    report = await team.Engine.RunOnceAsync(team.Target, new SyncRequest.Upload(Force: true), answerer).ConfigureAwait(false);
                }
                else
                {
                    report = await team.Engine.RunAsync(team.Target, new SyncRequest.TwoWay(), answerer, dryRun).ConfigureAwait(false);
                }
                SyncReportWriter.Write(console, report, team.RemoteName);
                // Items are named as in the team's document; say once where they are here.
                if (report.LocalChanges?.Items.Count > 0 || report.RemoteChanges?.Items.Count > 0)
                {
                    var space = new Core.ClaudeCode.TeamClaudeNamespace(name);
                    console.Plain($"  (here under the team's name: {space.MemoryPath}, {string.Join(", ", Core.ClaudeCode.TeamClaudeNamespace.Folders.Select(k => space.FolderOf(k) + "/"))}, MCP servers {space.McpPrefix}NAME)");
                }
                entry["ok"] = true;
                SyncReportJson.Describe(entry, report);
            }
            catch (StartClaudeException ex)
            {
                // Named once: most refusals already start with the team's name.
                var message = ex.Message.StartsWith($"team {name}", StringComparison.Ordinal) ? ex.Message : $"team {name}: {ex.Message}";
                console.Error.WriteLine($"error: {TerminalText.Escape(message)}");
                entry["ok"] = false;
                entry["error"] = ex.Message;
                entry["exitCode"] = ex.ExitCode;
                exitCode = Math.Max(exitCode, ex.ExitCode);
            }
            results.Add(entry);
        }
        return exitCode;
    }
}
