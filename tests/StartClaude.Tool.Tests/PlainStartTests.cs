using McMaster.Extensions.CommandLineUtils;
using Spectre.Console.Testing;
using StartClaude.Core.Local;
using StartClaude.Testing;
using StartClaude.Tool.Commands;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Tests;

/// <summary>
/// A start whose words leave nothing to parse skips CommandLineUtils: it must bind exactly what
/// CommandLineUtils binds from the same words, and leave every other shape to it.
/// </summary>
public class PlainStartTests
{
    private static readonly string[][] Plain =
    [
        [],
        ["work"],
        ["Work Laptop"],
        ["work", "--"],
        ["work", "--", "-p", "hi", "--help", "list"],
        ["--", "--model", "x"],
        ["ünïcode-名前"],
        ["s3sync"],
    ];

    private static readonly string[][] NotPlain =
    [
        ["--help"],
        ["-h"],
        ["work", "--model", "m"],
        ["--api-key", "k"],
        ["work", "extra"],
        ["list"],
        ["LIST"],
        ["s3"],
        ["help"],
        ["@args.txt"],
        [""],
        ["work", "extra", "--", "x"],
        ["--verbose", "work"],
    ];

    [TestCaseSource(nameof(Plain))]
    public void Binds_what_CommandLineUtils_binds(string[] words)
    {
        PlainStart.TryMatch(words, out var name, out var forClaude).Should().BeTrue();

        using var home = new TempHome();
        using var error = new StringWriter();
        var console = new ToolConsole(new TestConsole(), error, isInteractive: false);
        using var services = StartClaudeApp.BuildServices(console, AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }), AppContext.BaseDirectory);
        using var app = StartClaudeApp.BuildCommandTree(CommandCatalog.NeededFor(words), services, console, _ => { });
        var parsed = app.Parse(words);

        parsed.SelectedCommand.Should().BeSameAs(app);
        name.Should().Be(app.Model.Name);
        forClaude.Should().Equal(app.Model.RemainingArguments);
    }

    [TestCaseSource(nameof(NotPlain))]
    public void Leaves_options_commands_and_extra_words_to_CommandLineUtils(string[] words) =>
        PlainStart.TryMatch(words, out _, out _).Should().BeFalse();
}
