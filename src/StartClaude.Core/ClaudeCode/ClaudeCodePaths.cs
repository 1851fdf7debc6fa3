using StartClaude.Core.Local;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// Where this machine's Claude Code keeps what may be carried, found as Claude Code finds it: the folder is
/// <c>CLAUDE_CONFIG_DIR</c>, else <c>~/.claude</c>; the user-scope MCP servers are in <c>.claude.json</c>
/// inside <c>CLAUDE_CONFIG_DIR</c> when it is set, else in <c>~/.claude.json</c>.
/// </summary>
public sealed class ClaudeCodePaths(AppEnvironment environment)
{
    public const string ConfigDirVariable = "CLAUDE_CONFIG_DIR";

    /// <summary>This machine's home folder (<c>HOME</c>), the root home-relative paths are stored against.</summary>
    public string Home => environment.Get("HOME") is { } home ? Path.GetFullPath(home) : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>The Claude Code folder (CLAUDE.md, agents/, commands/, skills/, output-styles/, settings.json).</summary>
    public string Folder => environment.Get(ConfigDirVariable) is { } dir ? Path.GetFullPath(Expand(dir)) : Path.Combine(Home, ".claude");

    public string SettingsFile => Path.Combine(Folder, "settings.json");

    /// <summary>The file holding the user-scope <c>mcpServers</c>.</summary>
    public string GlobalConfigFile => environment.Get(ConfigDirVariable) is not null ? Path.Combine(Folder, ".claude.json") : Path.Combine(Home, ".claude.json");

    private string Expand(string path) => path == "~" ? Home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Home, path[2..]) : path;
}
