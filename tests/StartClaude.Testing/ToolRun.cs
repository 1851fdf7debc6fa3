using Spectre.Console.Testing;
using StartClaude.Core.Local;
using StartClaude.Tool;
using StartClaude.Tool.Console;

namespace StartClaude.Testing;

/// <summary>What one run of the tool printed and returned.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the tool in this process with its own home and environment, as a device would, with no
/// terminal unless a scripted <see cref="TestConsole"/> is given.
/// </summary>
public static class ToolRun
{
    public static async Task<ToolResult> RunAsync(TempHome home, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        return await RunAsync(home, variables, console, interactive: false, args).ConfigureAwait(false);
    }

    /// <summary>A run whose current folder is <paramref name="folder"/> (the process's own is shared by every test).</summary>
    public static async Task<ToolResult> RunInAsync(string folder, TempHome home, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        return await RunAsync(home, variables, console, interactive: false, args, folder).ConfigureAwait(false);
    }

    public static Task<ToolResult> RunAsync(TempHome home, IReadOnlyDictionary<string, string>? variables, TestConsole console, bool interactive, params string[] args) =>
        RunAsync(home, variables, console, interactive, args, currentFolder: null);

    private static async Task<ToolResult> RunAsync(TempHome home, IReadOnlyDictionary<string, string>? variables, TestConsole console, bool interactive, string[] args, string? currentFolder)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(console);
        var env = new Dictionary<string, string>(variables ?? new Dictionary<string, string>()) { [AppEnvironment.HomeVariable] = home.Folder };
        using var error = new StringWriter();
        // On the thread pool: tests start runs side by side (Run itself works on the calling thread).
        var code = await Task.Run(() => StartClaudeApp.Run(args, new ToolConsole(console, error, interactive), AppEnvironment.From(env, currentFolder))).ConfigureAwait(false);
        return new ToolResult(code, console.Output, error.ToString());
    }
}
