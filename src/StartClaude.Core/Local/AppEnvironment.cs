namespace StartClaude.Core.Local;

/// <summary>
/// The environment variables the tool reads, behind one seam so tests give each run its own
/// (a home folder per simulated device) without touching the process environment.
/// </summary>
public sealed class AppEnvironment(Func<string, string?> variable)
{
    public const string HomeVariable = "START_CLAUDE_HOME";

    private readonly string? _currentFolder;

    public static AppEnvironment FromProcess() => new(Environment.GetEnvironmentVariable);

    public static AppEnvironment From(IReadOnlyDictionary<string, string> variables, string? currentFolder = null) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null) { CurrentFolder = currentFolder! };

    /// <summary>
    /// The folder a start looks for bindings from: the process's working folder, unless a test gives one
    /// (tests run side by side in one process, which has one working folder).
    /// </summary>
    /// <exception cref="IOException">The working folder no longer exists.</exception>
    public string CurrentFolder
    {
        get => _currentFolder ?? Directory.GetCurrentDirectory();
        init => _currentFolder = value;
    }

    public string? Get(string name)
    {
        var value = variable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// A number of seconds from <paramref name="name"/>, or <paramref name="fallback"/> when unset. Read
    /// strictly: a plain decimal number (no NaN, Infinity or exponent) from <paramref name="min"/> to
    /// <paramref name="max"/>; anything else is refused naming the variable.
    /// </summary>
    /// <exception cref="Errors.UsageException">The value is not such a number.</exception>
    public TimeSpan Seconds(string name, TimeSpan fallback, double min, double max, bool minExclusive = false)
    {
        if (Get(name) is not { } text)
            return fallback;
        var inRange = double.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && (minExclusive ? seconds > min : seconds >= min) && seconds <= max;
        if (!inRange)
            throw new Errors.UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{name} must be a number of seconds {(minExclusive ? "above" : "from")} {min} {(minExclusive ? "and at most" : "to")} {max} (a plain decimal like 2.5); it is set to something else"));
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The folder that holds config.json: <c>START_CLAUDE_HOME</c>, else <c>~/.start-claude</c>.</summary>
    public string StartClaudeHome =>
        Get(HomeVariable) is { } home
            ? Path.GetFullPath(home)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".start-claude");
}
