using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("sync", Description = "Two-way sync of each team's document (or one team's) with this machine's copies of its configs, as s3-sync does for yours.")]
internal sealed class TeamSyncCommand(TeamTargets targets, TeamStateStore teams, HomeLock homeLock, Prompts prompts, ToolConsole console) : JsonCommandBase
{
    [Argument(0, "team", Description = "One team (default: every team this machine is in).")]
    public string? Team { get; set; }

    [Option("--prefer <SIDE>", Description = "Decide conflicts without asking: 'local' keeps this machine's version, 'remote' the team's.")]
    [AllowedValues("local", "remote", IgnoreCase = true, ErrorMessage = "--prefer must be local or remote")]
    public string? Prefer { get; set; }

    [Option("--dry-run", Description = "Print what would happen and change nothing.")]
    public bool DryRun { get; set; }

    [Option("--replace", Description = "Write this machine's copy of the team's configs over whatever the bucket holds (after a refused, unsigned or older document); refused when the bucket's copy names a member list this machine has not seen.")]
    public bool Replace { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        if (Replace && DryRun)
            throw new Core.Errors.UsageException("--replace writes, --dry-run does not: give one");
        using var _ = homeLock.Acquire();
        var names = Team is null ? teams.Names() : [TeamNames.CheckTeam(Team)];
        var json = JsonOutput.Result("team sync");
        var results = new System.Text.Json.Nodes.JsonArray();
        json["teams"] = results;
        if (names.Count == 0)
        {
            console.Plain("This machine is in no team; nothing to sync.");
            return Finish(json, 0);
        }
        ConflictSide? prefer = Prefer is null ? null
            : Prefer.Equals("local", StringComparison.OrdinalIgnoreCase) ? ConflictSide.Local : ConflictSide.Remote;
        var answerer = new PromptedSyncAnswerer(prefer, prompts, console, QuestionWording.TeamSync);
        var exitCode = await new TeamSyncRun(targets, console).RunAsync(names, answerer, DryRun, Replace, results).ConfigureAwait(false);
        if (exitCode != 0)
        {
            json["ok"] = false;
            json["exitCode"] = exitCode;
        }
        return Finish(json, exitCode);
    }

    private int Finish(System.Text.Json.Nodes.JsonObject json, int exitCode)
    {
        if (Json)
            console.WriteJson(json);
        return exitCode;
    }
}
