namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// The kinds of Claude Code items a machine may keep in step, and which kind an item is. Items are named
/// by id: <c>file:PATH</c> (relative to the Claude Code folder), <c>mcp:NAME</c> (a user-scope MCP server)
/// and <c>setting:KEY</c> (a top-level key of settings.json).
/// </summary>
public static class ClaudeKinds
{
    public const string Memory = "CLAUDE.md";
    public const string McpServers = "mcp-servers";
    public const string SettingPrefix = "settings:";

    /// <summary>The folders carried whole (their text files, recursively).</summary>
    public static readonly IReadOnlyList<string> Folders = ["agents", "commands", "skills", "output-styles"];

    /// <summary>Every fixed kind, in the order the wizard offers them (settings keys come after).</summary>
    public static readonly IReadOnlyList<string> Fixed = [Memory, .. Folders, McpServers];

    /// <summary>
    /// Claude Code's user rules folder: never a kind a machine chooses for itself, but where a team's CLAUDE.md
    /// lands (<c>rules/TEAM/CLAUDE.md</c>, which Claude Code loads like the user's own), so a path under it is one
    /// a document may hold.
    /// </summary>
    public const string Rules = "rules";

    /// <summary>The settings.json keys offered when present (any top-level key may be chosen).</summary>
    public static readonly IReadOnlyList<string> TypicalSettings = ["env", "permissions", "model", "hooks", "statusLine"];

    /// <summary>The kind of a file path as stored (<c>CLAUDE.md</c> or a folder name), or null when no kind holds it.</summary>
    public static string? OfFile(string path)
    {
        if (path == Memory)
            return Memory;
        var slash = path.IndexOf('/');
        return slash > 0 && (Folders.Contains(path[..slash]) || path[..slash] == Rules) ? path[..slash] : null;
    }

    /// <summary>The kind an item id belongs to, or null for an id of no kind.</summary>
    public static string? Of(string itemId) => itemId switch
    {
        _ when itemId.StartsWith(ClaudeItemIds.FilePrefix, StringComparison.Ordinal) => OfFile(itemId[ClaudeItemIds.FilePrefix.Length..]),
        _ when itemId.StartsWith(ClaudeItemIds.McpPrefix, StringComparison.Ordinal) => McpServers,
        _ when itemId.StartsWith(ClaudeItemIds.SettingPrefix, StringComparison.Ordinal) => SettingPrefix + itemId[ClaudeItemIds.SettingPrefix.Length..],
        _ => null,
    };

    /// <summary>
    /// A kind as a person writes it (<c>CLAUDE.md</c>, <c>agents</c> or <c>agents/</c>, <c>mcp-servers</c>,
    /// <c>settings:permissions</c>), normalized; null when it names no kind.
    /// </summary>
    public static string? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals(Memory, StringComparison.OrdinalIgnoreCase))
            return Memory;
        var folder = trimmed.TrimEnd('/');
        if (Folders.FirstOrDefault(f => f.Equals(folder, StringComparison.OrdinalIgnoreCase)) is { } known)
            return known;
        if (trimmed.Equals(McpServers, StringComparison.OrdinalIgnoreCase) || trimmed.Equals("mcp", StringComparison.OrdinalIgnoreCase))
            return McpServers;
        if (trimmed.StartsWith(SettingPrefix, StringComparison.OrdinalIgnoreCase)
            && trimmed[SettingPrefix.Length..] is { Length: > 0 and <= 128 } key && key.All(c => c > ' ' && c != 0x7f && c != ','))
            return SettingPrefix + key;
        return null;
    }
}

/// <summary>How item ids are spelt.</summary>
public static class ClaudeItemIds
{
    public const string FilePrefix = "file:";
    public const string McpPrefix = "mcp:";
    public const string SettingPrefix = "setting:";

    public static string File(string path) => FilePrefix + path;

    public static string Mcp(string name) => McpPrefix + name;

    public static string Setting(string key) => SettingPrefix + key;
}
