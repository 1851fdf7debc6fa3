using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("leave", Description = "Forget a team on this machine: its configs here and what this machine knew of it. The team's document and member list are not changed (an admin removes members).")]
internal sealed class TeamLeaveCommand(TeamStateStore teams, TeamClaudeItems items, LocalConfigStore localStore, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "team", Description = "The team's name.")]
    [Required(ErrorMessage = "name the team to leave: start-claude team leave TEAM")]
    public string Team { get; set; } = "";

    public int OnExecute()
    {
        TeamNames.CheckTeam(Team);
        using var _ = homeLock.Acquire();
        var view = new TeamLocalView(Team, localStore);
        var local = localStore.Read();
        // What is left of a team whose file is gone (its configs, its place for Claude Code items) is cleared too.
        var leftHere = local is not null && (local.Configs.Any(view.IsOurs) || TeamClaudeItems.IsClaimed(local, Team));
        if (!File.Exists(teams.PathOf(Team)) && !leftHere)
            throw new UsageException($"this machine is not in a team named {Team}; 'start-claude team' lists its teams");
        var dropped = 0;
        IReadOnlyList<string> deleted = [];
        if (local is not null)
        {
            dropped = local.Configs.Count(view.IsOurs);
            // The team's Claude Code items go first: left behind, they would be this machine's own and reach its own remote.
            deleted = items.RemoveFromDisk(local, Team);
            localStore.Write(view.Without(local));
        }
        teams.Remove(Team);
        foreach (var line in deleted)
            console.Plain($"  {Core.Documents.TerminalText.Escape(line)}");
        console.Plain($"Left team {Team} on this machine: {Counts.Configs(dropped)}{(deleted.Count > 0 ? $" and {deleted.Count} Claude Code item{(deleted.Count == 1 ? "" : "s")}" : "")} of it removed here{(dropped + deleted.Count > 0 ? " (the previous files are in the backups)" : "")}. The team's document is unchanged; an admin removes you from its member list with start-claude team remove {Team} NAME.");
        return 0;
    }
}
