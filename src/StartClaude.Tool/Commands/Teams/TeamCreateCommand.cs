using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("create", Description = "Create a team in this machine's bucket, with this machine's key as its first member and admin.")]
internal sealed class TeamCreateCommand(TeamMembership membership, LocalConfigStore localStore, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "team", Description = "The team's name: lower-case letters, digits, '.', '_', '-'.")]
    [Required(ErrorMessage = "name the team to create: start-claude team create NAME")]
    public string Team { get; set; } = "";

    [Option("--name <MEMBER>", Description = "Your name on the member list (default: your user name).")]
    public string? Name { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        TeamNames.CheckTeam(Team);
        var member = Name ?? TeamCommandText.DefaultMemberName();
        TeamState state;
        using (homeLock.Acquire())
        {
            state = await membership.CreateAsync(Team, member).ConfigureAwait(false);
            TeamNamespaceClaim.Write(localStore, Team);
        }
        var me = state.KnownMembers.Head.Members[0];
        console.Plain($"Created team {Team} with you ({me.Name}, {me.Key.Fingerprint}) as its admin. Team id: {state.TeamId}");
        console.Plain($"To invite someone: they run 'start-claude team key' and send you what it prints; you run: start-claude team invite {Team} --name THEIR-NAME --key THEIR-KEY");
        console.Plain($"Share a config of yours with the team: start-claude team share {Team} CONFIG");
        return 0;
    }
}
