using StartClaude.Core.ClaudeCode;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>
/// Which of this machine's Claude Code items it keeps in step: the flag's list, else (on a terminal) a
/// multi-select of the kinds and of the settings.json keys present (none chosen unless chosen before), else
/// what was chosen before. Kinds that hold secrets on a plain remote get a recommendation to encrypt.
/// </summary>
internal sealed class ClaudeFilesQuestion(Prompts prompts, ToolConsole console, ClaudeFolder folder)
{
    public const string Flag = "--claude-files";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ClaudeKinds.Memory] = "CLAUDE.md (your memory file)",
        ["agents"] = "agents/ (subagents)",
        ["commands"] = "commands/ (slash commands)",
        ["skills"] = "skills/",
        ["output-styles"] = "output-styles/",
        [ClaudeKinds.McpServers] = "MCP servers (user scope, in .claude.json)",
    };

    public ClaudeChoice Ask(IReadOnlySet<string>? given, ClaudeChoice stored, bool encrypted)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var kinds = given ?? (prompts.CanAsk ? AskKinds(stored) : stored.Kinds);
        var choice = stored.WithKinds(kinds);
        if (!encrypted && SecretsWarning(choice) is { } warning)
            console.Warn(warning);
        return choice;
    }

    /// <summary>The recommendation to encrypt when a chosen kind often holds API keys, naming those chosen; null when none is.</summary>
    public static string? SecretsWarning(ClaudeChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var named = new List<string>();
        if (choice.Kinds.Contains(ClaudeKinds.McpServers))
            named.Add("MCP servers");
        if (choice.Kinds.Contains(ClaudeKinds.SettingPrefix + "env"))
            named.Add("the settings key env");
        return named.Count == 0 ? null
            : $"{string.Join(" and ", named)} often hold{(named.Count == 1 && named[0] == "the settings key env" ? "s" : "")} API keys: keep the remote document encrypted (s3-setup --encrypt) so the bucket never holds them in plain text";
    }

    private IReadOnlySet<string> AskKinds(ClaudeChoice stored)
    {
        var offered = new List<(string Value, string Label)>();
        foreach (var kind in ClaudeKinds.Fixed)
            offered.Add((kind, Descriptions[kind]));
        var keys = folder.SettingsKeys().Where(k => k.Length <= 128 && !k.Any(char.IsControl)).ToList();
        foreach (var key in ClaudeKinds.TypicalSettings.Where(keys.Contains).Concat(keys.Where(k => !ClaudeKinds.TypicalSettings.Contains(k)).Order(StringComparer.Ordinal)))
            offered.Add((ClaudeKinds.SettingPrefix + key, $"settings.json: {key}"));
        foreach (var kind in stored.Kinds.Where(k => offered.All(o => o.Value != k)))
            offered.Add((kind, kind.StartsWith(ClaudeKinds.SettingPrefix, StringComparison.Ordinal) ? $"settings.json: {kind[ClaudeKinds.SettingPrefix.Length..]}" : kind));
        var chosen = prompts.ChooseMany(
            $"Which of this machine's Claude Code setup ({folder.Paths.Folder}) should stay the same on every machine?",
            offered, $"{Flag} LIST (for example {Flag} CLAUDE.md,agents,commands,mcp-servers,settings:permissions, or none)", stored.Kinds);
        return new SortedSet<string>(chosen, StringComparer.Ordinal);
    }
}
