using System.Diagnostics;

namespace StartClaude.Testing;

/// <summary>
/// Runs the real start-claude executable as a child process with stdin not a terminal (as CI and
/// scripts do). START_CLAUDE_BIN chooses the executable (for example an installed tool); by default
/// the one built beside the tests.
/// </summary>
public static class ToolProcess
{
    public static string Executable =>
        Environment.GetEnvironmentVariable("START_CLAUDE_BIN") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "start-claude.exe" : "start-claude");

    public static Task<ToolResult> RunAsync(TempHome home, IReadOnlyDictionary<string, string>? variables, TimeSpan limit, params string[] args) =>
        RunAsync(home, variables, limit, [], args);

    /// <param name="launcher">A command that runs the tool (for example setpriv as another user); empty for none.</param>
    public static Task<ToolResult> RunAsync(TempHome home, IReadOnlyDictionary<string, string>? variables, TimeSpan limit, IReadOnlyList<string> launcher, params string[] args) =>
        RunInAsync(null, home, variables, limit, launcher, args);

    /// <param name="folder">The child's working folder; null for this process's.</param>
    public static async Task<ToolResult> RunInAsync(string? folder, TempHome home, IReadOnlyDictionary<string, string>? variables, TimeSpan limit, IReadOnlyList<string> launcher, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(launcher);
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (folder is not null)
            start.WorkingDirectory = folder;
        if (launcher.Count > 0)
        {
            foreach (var arg in launcher.Skip(1))
                start.ArgumentList.Add(arg);
            start.ArgumentList.Add(Executable);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["START_CLAUDE_HOME"] = home.Folder;
        start.Environment["NO_COLOR"] = "1";
        // The machine's own AWS settings must not reach the tool under test.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home.Folder, "no-aws-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home.Folder, "no-aws-credentials");
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"start-claude {string.Join(' ', args)} did not finish within {limit.TotalSeconds} s");
        }
        return new ToolResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
