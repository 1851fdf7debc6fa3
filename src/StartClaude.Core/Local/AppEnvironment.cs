namespace StartClaude.Core.Local;

/// <summary>
/// The environment variables the tool reads, behind one seam so tests give each run its own
/// (a home folder per simulated device) without touching the process environment.
/// </summary>
public sealed class AppEnvironment(Func<string, string?> variable)
{
    public const string HomeVariable = "START_CLAUDE_HOME";

    public static AppEnvironment FromProcess() => new(Environment.GetEnvironmentVariable);

    public static AppEnvironment From(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null);

    public string? Get(string name)
    {
        var value = variable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The folder that holds config.json: <c>START_CLAUDE_HOME</c>, else <c>~/.start-claude</c>.</summary>
    public string StartClaudeHome =>
        Get(HomeVariable) is { } home
            ? Path.GetFullPath(home)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".start-claude");
}
