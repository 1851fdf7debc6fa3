using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

/// <summary>Shows or changes which Claude Code items this machine keeps in step, without running setup again.</summary>
[Command("claude-files", Description = "Show or change which Claude Code items (CLAUDE.md, agents, commands, skills, output styles, MCP servers, settings keys) this machine keeps in step.")]
internal sealed class ClaudeFilesCommand(LocalConfigStore localStore, HomeLock homeLock, ClaudeFolder folder, ToolConsole console) : CommandBase
{
    [Option("--set <LIST>", Description = "The kinds to keep in step, comma-separated: CLAUDE.md, agents, commands, skills, output-styles, mcp-servers, settings:KEY; or none.")]
    public string? Set { get; set; }

    [Option("--local-only <ITEM>", Description = "Keep an item on this machine only (a file such as agents/private.md, mcp:NAME or setting:KEY). Repeatable.")]
    public string[] LocalOnly { get; set; } = [];

    [Option("--share <ITEM>", Description = "Keep a local-only item in step again. Repeatable.")]
    public string[] Share { get; set; } = [];

    public int OnExecute()
    {
        var kinds = Set is null ? null : ClaudeChoice.ParseKinds(Set);
        var localOnly = LocalOnly.Select(ItemId).ToList();
        var share = Share.Select(ItemId).ToList();
        ClaudeChoice choice;
        if (kinds is null && localOnly.Count == 0 && share.Count == 0)
        {
            choice = Configured(localStore.Read()).ClaudeChoice;
        }
        else
        {
            using (homeLock.Acquire())
            {
                var document = Configured(localStore.Read());
                var current = document.ClaudeChoice;
                var only = new SortedSet<string>(current.LocalOnly, StringComparer.Ordinal);
                only.UnionWith(localOnly);
                only.ExceptWith(share);
                choice = (kinds is null ? current : current.WithKinds(kinds)) with { LocalOnly = only };
                localStore.Write(document.WithClaudeChoice(choice));
            }
            console.Plain("Saved. The next start-claude s3-sync sends and applies what is chosen; nothing else is touched.");
            if (Setup.ClaudeFilesQuestion.SecretsWarning(choice) is { } warning && localStore.Read()?.S3Sync is { Encrypt: false })
                console.Warn(warning);
        }
        Describe(choice);
        return 0;
    }

    private ConfigDocument Configured(ConfigDocument? document) =>
        document?.S3Sync is not null ? document
            : throw new LocalConfigException($"S3 sync is not set up in {localStore.ConfigPath}; run start-claude s3-setup (it asks which Claude Code items to keep in step, or takes --claude-files)");

    private void Describe(ClaudeChoice choice)
    {
        console.Plain($"Claude Code folder: {TerminalText.Escape(folder.Paths.Folder)} (MCP servers in {TerminalText.Escape(folder.Paths.GlobalConfigFile)})");
        console.Plain(choice.IsEmpty
            ? "Kept in step: nothing (choose with start-claude claude-files --set CLAUDE.md,agents,...)"
            : $"Kept in step: {string.Join(", ", choice.Kinds.Select(k => TerminalText.Escape(k)))}");
        if (choice.LocalOnly.Count > 0)
            console.Plain($"Local-only: {string.Join(", ", choice.LocalOnly.Select(Shown))}");
        if (choice.IsEmpty)
            return;
        ClaudeItemsFound.Write(console, folder, choice);
    }

    private static string Shown(string id) => id.StartsWith(ClaudeItemIds.FilePrefix, StringComparison.Ordinal) ? TerminalText.Escape(id[ClaudeItemIds.FilePrefix.Length..]) : TerminalText.Escape(id);

    // A file path as written (agents/x.md), or mcp:NAME, or setting:KEY.
    private static string ItemId(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith(ClaudeItemIds.McpPrefix, StringComparison.Ordinal) || trimmed.StartsWith(ClaudeItemIds.SettingPrefix, StringComparison.Ordinal))
            return trimmed.Length > trimmed.IndexOf(':') + 1 && !trimmed.Any(char.IsControl) ? trimmed
                : throw new UsageException($"'{TerminalText.Escape(trimmed)}' names no item: write mcp:NAME or setting:KEY");
        var path = trimmed.StartsWith(ClaudeItemIds.FilePrefix, StringComparison.Ordinal) ? trimmed[ClaudeItemIds.FilePrefix.Length..] : trimmed;
        return ClaudePath.Problem(path) is { } problem
            ? throw new UsageException($"'{TerminalText.Escape(trimmed)}' is not an item: {problem} (or write mcp:NAME, setting:KEY)")
            : ClaudeItemIds.File(path);
    }
}
