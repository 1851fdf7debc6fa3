using System.Diagnostics;
using System.Text;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>NO_COLOR and a stdout that is not a terminal give plain text.</summary>
public class PlainOutputTests
{
    private const string Escape = "\u001b[";

    private static async Task<string> RunAsync(TempHome home, bool onTerminal, bool noColor, params string[] args)
    {
        var start = onTerminal
            ? new ProcessStartInfo("python3") { ArgumentList = { Path.Combine(ExecutableSearch.RepositoryRoot(), "tests", "tools", "pty_capture.py"), "4", ToolProcess.Executable } }
            : new ProcessStartInfo(ToolProcess.Executable);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = !onTerminal;
        start.UseShellExecute = false;
        start.Environment["START_CLAUDE_HOME"] = home.Folder;
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        if (noColor)
            start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output + error;
    }

    private static bool HasColor(string text) =>
        text.Split(Escape).Skip(1).Any(seq => seq.Length > 0 && (char.IsDigit(seq[0]) || seq[0] == ';') && seq.TakeWhile(c => char.IsDigit(c) || c == ';').Count() is var n && n < seq.Length && seq[n] == 'm');

    [Test]
    public async Task Piped_output_has_no_escape_codes_at_all()
    {
        using var home = new TempHome();
        await ToolProcess.RunAsync(home, null, TimeSpan.FromSeconds(60), "add", "work", "--api-key", "sk-plain-1234567890", "--model", "m");

        foreach (var args in new[] { new[] { "list" }, ["show", "work"], ["--help"], ["nope"] })
        {
            var text = await RunAsync(home, onTerminal: false, noColor: false, args);
            text.Should().NotContain(Escape, $"start-claude {string.Join(' ', args)} writes plain text into a pipe");
        }
    }

    [Test]
    public async Task NO_COLOR_turns_the_colors_off_on_a_terminal()
    {
        using var home = new TempHome();

        var colored = await RunAsync(home, onTerminal: true, noColor: false, "s3-setup");
        var plain = await RunAsync(home, onTerminal: true, noColor: true, "s3-setup");

        colored.Should().Contain("Which storage service");
        HasColor(colored).Should().BeTrue("the wizard highlights the current choice in color on a terminal");
        plain.Should().Contain("Which storage service");
        HasColor(plain).Should().BeFalse("NO_COLOR is set");
    }
}
