using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("team", Description = "Share configs with teammates through a team document in the same bucket: encrypted to every member's key, signed by the writer. Alone, lists the teams this machine is in.")]
[Subcommand(typeof(TeamKeyCommand), typeof(TeamCreateCommand), typeof(TeamInviteCommand), typeof(TeamJoinCommand), typeof(TeamMembersCommand),
    typeof(TeamRemoveCommand), typeof(TeamShareCommand), typeof(TeamClaudeFilesCommand), typeof(TeamSyncCommand), typeof(TeamLeaveCommand))]
internal sealed class TeamCommand(TeamStateStore teams, ToolConsole console) : CommandBase
{
    public int OnExecute()
    {
        var names = teams.Names();
        if (names.Count == 0)
        {
            console.Plain("This machine is in no team. Create one with: start-claude team create NAME; or join one: start-claude team key (send it to the team's admin), then start-claude team join NAME --id ID.");
            return 0;
        }
        console.Plain("Teams on this machine:");
        foreach (var name in names)
        {
            var state = teams.Read(name);
            var count = state?.Members?.Head.Members.Count ?? 0;
            console.Plain($"  {name}  {count} member{(count == 1 ? "" : "s")}  id {state?.TeamId[..12]}…");
        }
        console.Plain("Commands: start-claude team sync | members NAME | invite NAME | remove NAME MEMBER | share NAME CONFIG | claude-files NAME");
        return 0;
    }
}
