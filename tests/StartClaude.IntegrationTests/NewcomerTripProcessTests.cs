using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// What a newcomer tripped over (issue 26) that only the real executable shows: the locale it runs
/// under, and a terminal narrower than its lines.
/// </summary>
public class NewcomerTripProcessTests
{
    private const int Width = 30;

    private const string Key = "sk-ant-api03-NEWCOMERprocess-key-c3Fz";

    private static TempHome HomeWithOneConfig()
    {
        var home = new TempHome();
        home.WriteConfig("{\"configs\":[{\"name\":\"work\",\"apiKey\":\"" + Key + "\",\"isDefault\":true}],\"settings\":{}}");
        return home;
    }

    // Empty counts as unset: the machine running the tests may set LC_ALL or LC_CTYPE itself.
    private static Dictionary<string, string> Locale(string lang) => new() { ["LANG"] = lang, ["LC_ALL"] = "", ["LC_CTYPE"] = "" };

    [Test]
    public async Task Item13_under_LANG_C_the_mask_and_the_table_are_ASCII()
    {
        using var home = HomeWithOneConfig();

        var show = await ToolProcess.RunAsync(home, Locale("C"), TimeSpan.FromSeconds(30), "show", "work");
        var list = await ToolProcess.RunAsync(home, Locale("C"), TimeSpan.FromSeconds(30), "list");
        var utf8 = await ToolProcess.RunAsync(home, Locale("en_US.UTF-8"), TimeSpan.FromSeconds(30), "show", "work");

        show.ExitCode.Should().Be(0, show.ToString());
        show.Output.Should().Contain("sk-ant-...c3Fz");
        list.ExitCode.Should().Be(0, list.ToString());
        list.Output.Should().Contain("sk-ant-...c3Fz").And.Contain("+-");
        (show.All + list.All).Should().MatchRegex(@"^[\x00-\x7f]*$", "nothing but ASCII reaches a terminal whose locale is C").And.NotContain(Key);
        utf8.Output.Should().Contain("sk-ant-…c3Fz");
    }

    [Test]
    public async Task Item6_on_a_30_column_terminal_doctor_breaks_its_lines_between_words()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        using var home = new TempHome();
        var variables = new Dictionary<string, string> { ["START_CLAUDE_HOME"] = home.Folder, ["TERM"] = "xterm-256color", ["PATH"] = "/usr/bin:/bin" };
        var piped = await ToolProcess.RunAsync(home, variables, TimeSpan.FromSeconds(30), "doctor");
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' doctor", variables, Width);

        var screen = await terminal.WaitForAsync("[exit ");

        piped.Error.Should().BeEmpty("the screen holds stdout and stderr; the comparison is with stdout");
        var lines = screen.Split('\n').Select(l => l.TrimEnd()).TakeWhile(l => !l.StartsWith("[exit ", StringComparison.Ordinal)).ToList();
        var shown = new Queue<string>(lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var written = piped.Output.Split('\n').SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var word in written)
        {
            // A word wider than the terminal (the home folder's path) has lines of its own, which the
            // terminal cuts; every other word must arrive whole.
            var seen = shown.Count > 0 ? shown.Dequeue() : "";
            while (word.Length > Width && seen.Length < word.Length && shown.Count > 0)
                seen += shown.Dequeue();
            seen.Should().Be(word, "every word that fits stays whole on screen:\n" + screen);
        }
        shown.Should().BeEmpty();
        lines.Should().Contain(l => l.StartsWith("        fix: install", StringComparison.Ordinal), screen);
    }
}
