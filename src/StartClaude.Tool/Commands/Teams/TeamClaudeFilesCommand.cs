using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("claude-files", Description = "Show or choose which of a team's Claude Code items (CLAUDE.md, agents, commands, MCP servers) this machine takes; they live here under the team's name.")]
internal sealed class TeamClaudeFilesCommand(TeamStateStore teams, TeamClaudeItems items, LocalConfigStore localStore, ClaudeFolder folder, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "team", Description = "The team's name.")]
    [Required(ErrorMessage = "name the team: start-claude team claude-files TEAM [--set KINDS]")]
    public string Team { get; set; } = "";

    [Option("--set <LIST>", Description = "The kinds to take, comma-separated: CLAUDE.md, agents, commands, mcp-servers; or none.")]
    public string? Set { get; set; }

    public int OnExecute()
    {
        TeamNames.CheckTeam(Team);
        var kinds = Set is null ? null : TeamClaudeItems.ParseKinds(Set);
        if (teams.Read(Team) is null)
            throw new UsageException($"this machine is not in a team named {Team}; 'start-claude team' lists its teams");
        var view = new TeamLocalView(Team, localStore);
        ClaudeChoice choice;
        if (kinds is null)
        {
            choice = view.ChoiceIn(Configured());
        }
        else
        {
            IReadOnlyList<string> deleted;
            using (homeLock.Acquire())
            {
                Configured();
                deleted = items.Take(localStore, Team, kinds);
                choice = view.ChoiceIn(Configured());
            }
            console.Plain($"Saved. The next start-claude team sync {Team} (or s3-sync) brings the team's items of these kinds here and sends what changes here under the team's name.");
            foreach (var line in deleted)
                console.Plain($"  {TerminalText.Escape(line)}");
            if (deleted.Count > 0)
                console.Plain($"The team's items of the kinds no longer taken were deleted here (the previous files are in the backups); team {Team}'s document keeps them.");
            if (choice.ChoosesMcpServers)
                console.Warn($"an MCP server runs a command on this machine when Claude Code starts: team {Team}'s members can now choose that command");
        }
        Describe(view, choice);
        return 0;
    }

    private ConfigDocument Configured() =>
        localStore.Read() is { S3Sync: not null } document ? document
            : throw new LocalConfigException($"S3 sync is not set up in {localStore.ConfigPath}; run start-claude s3-setup");

    private void Describe(TeamLocalView view, ClaudeChoice choice)
    {
        var space = new TeamClaudeNamespace(Team);
        console.Plain(choice.IsEmpty
            ? $"Taken from team {Team}: nothing (choose with start-claude team claude-files {Team} --set {string.Join(",", TeamClaudeNamespace.Kinds)})"
            : $"Taken from team {Team}: {string.Join(", ", choice.Kinds.Select(k => TerminalText.Escape(k)))}");
        if (choice.IsEmpty)
            return;
        var places = new List<string>();
        if (choice.Kinds.Contains(ClaudeKinds.Memory))
            places.Add($"{TerminalText.Escape(folder.Paths.Folder)}/{space.MemoryPath}");
        foreach (var kind in TeamClaudeNamespace.Folders.Where(choice.Kinds.Contains))
            places.Add($"{TerminalText.Escape(folder.Paths.Folder)}/{space.FolderOf(kind)}/");
        if (choice.ChoosesMcpServers)
            places.Add($"MCP servers named {space.McpPrefix}NAME in {TerminalText.Escape(folder.Paths.GlobalConfigFile)}");
        console.Plain($"Where they are here: {string.Join(", ", places)}");
        ClaudeItemsFound.Write(console, folder, view.Scope(choice));
    }
}
