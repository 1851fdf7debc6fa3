using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("share", Description = "Copy one of your configs into a team (it appears on every member's machine as TEAM/NAME); nothing of yours enters a team otherwise.")]
internal sealed class TeamShareCommand(TeamTargets targets, LocalConfigStore localStore, HomeLock homeLock, Prompts prompts, ToolConsole console) : CommandBase
{
    [Argument(0, "team", Description = "The team's name.")]
    [Required(ErrorMessage = "name the team and the config: start-claude team share TEAM CONFIG")]
    public string Team { get; set; } = "";

    [Argument(1, "config", Description = "The name of one of this machine's own configs.")]
    [Required(ErrorMessage = "name the config to share: start-claude team share TEAM CONFIG")]
    public string Config { get; set; } = "";

    public async Task<int> OnExecuteAsync()
    {
        using var _ = homeLock.Acquire();
        var target = targets.Open(Team);
        var local = localStore.Read() ?? throw new LocalConfigException($"{localStore.ConfigPath} does not exist");
        var config = local.LiveConfigs.FirstOrDefault(c => ConfigNameComparer.Instance.Equals(c.Name, Config) && !target.View.IsOurs(c) && !IsAnyTeams(c))
            ?? throw new UsageException($"there is no config of yours named '{TerminalText.Bounded(Config)}' ('start-claude list' names them; a team's configs cannot be shared again)");
        var teamName = TeamNames.LocalConfigName(Team, config.Name!);
        if (local.LiveConfigs.Any(c => ConfigNameComparer.Instance.Equals(c.Name, teamName)))
            throw new UsageException($"there already is a config named '{TerminalText.Bounded(teamName)}' here; nothing was changed");
        var hasTeamConfigs = target.View.Read()?.LiveConfigs.Count > 0;
        localStore.Write(local.WithConfigs([.. local.Configs.Select(c => c.Node), target.View.Shared(config, teamDefault: !hasTeamConfigs)]));
        console.Plain($"Shared '{config.Name}' with team {Team} as '{teamName}'.");
        var fresh = targets.Open(Team);
        var report = await fresh.Engine.RunAsync(fresh.Target with { Local = fresh.View.Read()! }, new SyncRequest.TwoWay(),
            new PromptedSyncAnswerer(null, prompts, console, QuestionWording.TeamSync), dryRun: false).ConfigureAwait(false);
        SyncReportWriter.Write(console, report, fresh.RemoteName);
        return 0;
    }

    private static bool IsAnyTeams(ConfigEntry config) => config.Node[TeamLocalView.TeamField] is not null;
}
