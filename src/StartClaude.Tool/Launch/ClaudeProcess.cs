using System.ComponentModel;
using System.Diagnostics;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Launch;
using StartClaude.Core.Local;

namespace StartClaude.Tool.Launch;

/// <summary>
/// Runs Claude Code for a <see cref="LaunchPlan"/> (or, for `start-claude run`, any program with the plan's
/// variables): the child inherits this terminal (stdin, stdout, stderr) and the environment plus the plan's
/// variables, and its exit code becomes ours.
/// </summary>
internal sealed class ClaudeProcess(AppEnvironment environment, Console.ToolConsole console)
{
    /// <summary>Starts claude and waits on this thread until it ends (a start has nothing else to do meanwhile).</summary>
    public int Run(LaunchPlan plan)
    {
        var executable = ClaudeExecutable.Find(environment.Get("PATH"), environment.Get("PATHEXT"))
            ?? throw new ClaudeLaunchException(
                $"Claude Code ('{ClaudeExecutable.Name}') was not found on PATH; install it with: {ClaudeExecutable.InstallCommand}",
                ExitCodes.ClaudeNotFound);
        return RunAndWait(executable, plan.Arguments, plan.Variables);
    }

    /// <summary>
    /// Starts <paramref name="program"/> (a path, or a name found on PATH as a shell would) with
    /// <paramref name="arguments"/> untouched and the plan's variables, and waits for it as for claude.
    /// </summary>
    public int RunProgram(string program, IReadOnlyList<string> arguments, LaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(program);
        var executable = Locate(program)
            ?? throw new ClaudeLaunchException($"'{TerminalText.Escape(program)}' was not found{(HasFolder(program) ? "" : " on PATH")} or is not executable", ExitCodes.ClaudeNotFound);
        return RunAndWait(executable, arguments, plan.Variables);
    }

    private string? Locate(string program)
    {
        if (!HasFolder(program))
            return ClaudeExecutable.FindProgram(program, environment.Get("PATH"), environment.Get("PATHEXT"));
        // A relative path is the current folder's, as a shell takes it.
        var path = Path.GetFullPath(program, environment.CurrentFolder);
        return ClaudeExecutable.IsExecutable(path) ? path : null;
    }

    private static bool HasFolder(string program) =>
        program.Contains('/', StringComparison.Ordinal) || (OperatingSystem.IsWindows() && program.Contains('\\', StringComparison.Ordinal));

    private int RunAndWait(string executable, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> variables)
    {
        // The start has succeeded so far: what was kept for success is said before the program owns the terminal.
        console.WriteWarningsKeptForSuccess();
        var start = new ProcessStartInfo(executable) { UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in variables)
            start.Environment[name] = value;

        // Ctrl-C reaches the child through the terminal; this process only waits for it to end.
        // In this order, so that while either is in force Ctrl-C keeps this process waiting: the paused
        // cleanup keeps it too, and it outlives the handler here.
        using var childOwnsCtrlC = Console.CancelKeyCleanup.Pause();
        using var keepWaiting = Console.InterruptSignals.Handle(static signal => signal.Cancel = true);
        try
        {
            using var child = Process.Start(start)
                ?? throw new ClaudeLaunchException($"could not start {executable}", ExitCodes.Failure);
            child.WaitForExit();
            return child.ExitCode;
        }
        catch (Win32Exception ex)
        {
            throw new ClaudeLaunchException($"could not start {TerminalText.Escape(executable)}: {ex.Message}", ExitCodes.Failure, ex);
        }
    }
}
