using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Testing;
using StartClaude.Tool.Commands;

namespace StartClaude.Tool.Tests;

/// <summary>A run builds only the commands its words can choose; what it prints is the same as with all of them.</summary>
public class CommandCatalogTests
{
    [Test]
    public void Each_name_is_the_one_its_command_declares()
    {
        var declared = CommandCatalog.Types.Select(t => t.GetCustomAttribute<CommandAttribute>()!.Name);

        declared.Should().Equal(CommandCatalog.Names);
        CommandCatalog.Names.Should().OnlyHaveUniqueItems();
    }

    [TestCase(new string[0], new string[0])]
    [TestCase(new[] { "work" }, new string[0])]
    [TestCase(new[] { "work", "--", "-p", "hi" }, new string[0])]
    [TestCase(new[] { "--model", "--", "list" }, new[] { "list" })]
    [TestCase(new[] { "LIST" }, new[] { "list" })]
    [TestCase(new[] { "--verbose", "s3-sync", "--json" }, new[] { "s3-sync" })]
    [TestCase(new[] { "backups", "restore", "x" }, new[] { "backups" })]
    public void A_run_needs_the_commands_its_words_name(string[] args, string[] expected) =>
        CommandCatalog.NeededFor(args).Should().BeEquivalentTo(expected);

    [TestCase("help")]
    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("-?")]
    public void Help_needs_every_command(string word) =>
        CommandCatalog.NeededFor(["work", word]).Should().HaveCount(CommandCatalog.Names.Count);

    [TestCase("work", "list")]
    [TestCase("nosuch", "s3-sync")]
    public async Task A_command_after_a_config_name_is_refused_not_a_crash(string name, string command)
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));

        var result = await ToolRun.RunAsync(home, null, name, command);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Be($"error: '{command}' is a command, so it cannot follow '{name}': run start-claude {command}, or pass it to claude after --: start-claude {name} -- {command}" + Environment.NewLine);
    }

    [Test]
    public async Task Help_and_a_parse_error_read_as_with_the_whole_tree()
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));

        var help = await ToolRun.RunAsync(home, null, "work", "--help");
        var stray = await ToolRun.RunAsync(home, null, "work", "lst");

        help.ExitCode.Should().Be(0, help.ToString());
        help.Output.Should().ContainAll(CommandCatalog.Names.Where(n => n != "help"));
        stray.ExitCode.Should().Be(2, stray.ToString());
        stray.Error.Should().Be("error: Unrecognized command or argument 'lst' (see start-claude --help)" + Environment.NewLine);
    }
}
