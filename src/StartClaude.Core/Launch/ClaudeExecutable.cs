namespace StartClaude.Core.Launch;

/// <summary>Finds the <c>claude</c> executable the way a shell would: the first match on PATH.</summary>
public static class ClaudeExecutable
{
    public const string Name = "claude";

    public const string InstallCommand = "npm install -g @anthropic-ai/claude-code";

    /// <summary>The full path of <c>claude</c> on <paramref name="path"/>, or null when it is not there.</summary>
    public static string? Find(string? path, string? pathExtensions) => FindProgram(Name, path, pathExtensions);

    /// <summary>The full path of the program <paramref name="program"/> on <paramref name="path"/>, or null when it is not there.</summary>
    public static string? FindProgram(string program, string? path, string? pathExtensions)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (string.IsNullOrEmpty(path) || program.Length == 0)
            return null;
        string[] names = OperatingSystem.IsWindows() ? WithExtensions(program, pathExtensions ?? ".COM;.EXE;.BAT;.CMD") : [program];
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (IsExecutable(candidate))
                    return candidate;
            }
        }
        return null;
    }

    // claude.COM, claude.EXE, ... as PATHEXT lists them (a loop: a start loads no System.Linq).
    private static string[] WithExtensions(string program, string pathExtensions)
    {
        var names = pathExtensions.Split(';', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < names.Length; i++)
            names[i] = program + names[i];
        return names;
    }

    /// <summary>Whether <paramref name="candidate"/> is a file this user may run.</summary>
    public static bool IsExecutable(string candidate)
    {
        if (!File.Exists(candidate))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(candidate) & anyExecute) != 0;
    }
}
