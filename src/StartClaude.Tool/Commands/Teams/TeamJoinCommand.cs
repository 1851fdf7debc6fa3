using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("join", Description = "Join a team an admin invited this machine's key to, and bring its configs here (as TEAM/NAME).")]
internal sealed class TeamJoinCommand(TeamMembership membership, LocalConfigStore localStore, HomeLock homeLock, Prompts prompts, ToolConsole console) : CommandBase
{
    [Argument(0, "team", Description = "The team's name.")]
    [Required(ErrorMessage = "name the team: start-claude team join TEAM --id TEAM-ID")]
    public string Team { get; set; } = "";

    [Option("--id <TEAM-ID>", Description = "The team's id, as the admin's invite printed it: only the team that starts there is accepted.")]
    [Required(ErrorMessage = "--id is required: the team id the admin's 'team invite' printed")]
    public string Id { get; set; } = "";

    public async Task<int> OnExecuteAsync()
    {
        using var _ = homeLock.Acquire();
        var target = await membership.JoinAsync(Team, Id).ConfigureAwait(false);
        TeamNamespaceClaim.Write(localStore, Team);
        var head = target.Seal.State.KnownMembers.Head;
        console.Plain($"Joined team {Team}: {string.Join(", ", head.Members.Select(m => m.Admin ? $"{m.Name} (admin)" : m.Name))}.");
        var report = await target.Engine.RunAsync(target.Target, new SyncRequest.TwoWay(), new PromptedSyncAnswerer(null, prompts, console, QuestionWording.TeamSync), dryRun: false).ConfigureAwait(false);
        SyncReportWriter.Write(console, report, target.RemoteName);
        var view = target.View.Read();
        var configs = view?.LiveConfigs.Select(c => TeamNames.LocalConfigName(Team, c.Name ?? "")).ToList() ?? [];
        console.Plain(configs.Count == 0 ? $"The team shares no configs yet." : $"The team's configs here: {string.Join(", ", configs)}");
        if (Math.Max(view?.ClaudeItemCount ?? 0, report.Plan.Agreed?.ClaudeItemCount ?? 0) is > 0 and var items)
            console.Plain($"The team also carries {items} Claude Code item{(items == 1 ? "" : "s")}; take them with: start-claude team claude-files {Team} --set CLAUDE.md,agents,commands,mcp-servers");
        return 0;
    }
}
