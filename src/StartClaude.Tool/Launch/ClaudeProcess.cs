using System.ComponentModel;
using System.Diagnostics;
using StartClaude.Core.Errors;
using StartClaude.Core.Launch;
using StartClaude.Core.Local;

namespace StartClaude.Tool.Launch;

/// <summary>
/// Runs Claude Code for a <see cref="LaunchPlan"/>: the child inherits this terminal (stdin, stdout,
/// stderr) and the environment plus the plan's variables, and its exit code becomes ours.
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

        // The start has succeeded so far: what was kept for success is said before Claude Code owns the terminal.
        console.WriteWarningsKeptForSuccess();
        var start = new ProcessStartInfo(executable) { UseShellExecute = false };
        foreach (var argument in plan.Arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in plan.Variables)
            start.Environment[name] = value;

        // Ctrl-C reaches the child through the terminal; this process only waits for it to end.
        // In this order, so that while either is in force Ctrl-C keeps this process waiting: the paused
        // cleanup keeps it too, and it outlives the handler here.
        using var claudeOwnsCtrlC = Console.CancelKeyCleanup.Pause();
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
            throw new ClaudeLaunchException($"could not start {executable}: {ex.Message}", ExitCodes.Failure, ex);
        }
    }
}
