using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Testing;
using StartClaude.Tool.Commands;

namespace StartClaude.IntegrationTests;

/// <summary>The command line as a person and a script meet it, through the real executable.</summary>
public class CommandLineTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private const string ApiKey = "sk-ant-api03-FLAGLEAKcheckFLAGLEAKcheck-Qw12";

    [TestCase("s3-synk", "start-claude s3-sync")]
    [TestCase("lsit", "start-claude list")]
    [TestCase("s3-stauts", "start-claude s3-status")]
    [TestCase("s3", "start-claude s3-sync")]
    [TestCase("wrok", "the config 'work'")]
    public async Task A_word_that_is_neither_a_command_nor_a_config_gets_did_you_mean(string typed, string suggestion)
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        if (typed == "wrok")
            // Close to a config only: the config book's own message.
            suggestion = "did you mean 'work'?";

        var result = await ToolProcess.RunAsync(home, null, Limit, typed);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().StartWith("error:").And.Contain(suggestion);
        result.Output.Should().BeEmpty();
    }

    [Test]
    public async Task A_mistyped_command_with_an_option_after_it_still_gets_did_you_mean()
    {
        using var home = new TempHome();

        var result = await ToolProcess.RunAsync(home, null, Limit, "s3-synk", "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().StartWith("error: 's3-synk' is not a command; did you mean start-claude s3-sync?");
    }

    [Test]
    public async Task Help_and_help_for_a_command_work()
    {
        using var home = new TempHome();

        var help = await ToolProcess.RunAsync(home, null, Limit, "help");
        var forSync = await ToolProcess.RunAsync(home, null, Limit, "help", "s3-sync");
        var nested = await ToolProcess.RunAsync(home, null, Limit, "help", "backups", "restore");
        var backups = await ToolProcess.RunAsync(home, null, Limit, "backups", "--help");
        var typo = await ToolProcess.RunAsync(home, null, Limit, "help", "s3-synk");

        help.ExitCode.Should().Be(0, help.ToString());
        help.Output.Should().Contain("s3-setup").And.Contain("help");
        forSync.ExitCode.Should().Be(0);
        forSync.Output.Should().Contain("Usage: start-claude s3-sync").And.Contain("--prefer");
        nested.Output.Should().Contain("Usage: start-claude backups restore");
        backups.Output.Should().Contain("Run 'start-claude backups [command] --help'");
        typo.ExitCode.Should().Be(2);
        typo.Error.Should().Contain("did you mean s3-sync?");
    }

    /// <summary>Every command that takes --json, found from the command tree itself.</summary>
    private static IEnumerable<string[]> JsonCommands()
    {
        var subcommands = CommandCatalog.Types;
        foreach (var type in subcommands.Where(t => typeof(JsonCommandBase).IsAssignableFrom(t)))
            yield return [type.GetCustomAttribute<CommandAttribute>()!.Name!];
        yield return [];   // start-claude itself: --json is refused there, and the key still must not show
    }

    [TestCaseSource(nameof(JsonCommands))]
    public async Task An_API_key_given_as_a_flag_appears_nowhere_in_the_output(params string[] command)
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        var forms = new[]
        {
            command.Concat(["--api-key", ApiKey, "--json"]).ToArray(),
            command.Concat(["--json", $"--api-key={ApiKey}"]).ToArray(),
            new[] { "--api-key", ApiKey }.Concat(command).Append("--json").ToArray(),
            command.Concat(["--json", ApiKey]).ToArray(),
        };

        foreach (var args in forms)
        {
            var result = await ToolProcess.RunAsync(home, null, Limit, args);
            result.All.Should().NotContain(ApiKey, $"start-claude {string.Join(' ', args)}: {result}");
            result.All.Should().NotContain("internal error");
        }
    }

    [Test]
    public async Task Json_is_a_parsed_option_so_list_answers_with_configs()
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work", "home"));

        var list = await ToolProcess.RunAsync(home, null, Limit, "list", "--json");

        list.ExitCode.Should().Be(0, list.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(list.Output)!;
        json["ok"]!.GetValue<bool>().Should().BeTrue();
        json["configs"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().BeEquivalentTo("work", "home");
        list.Output.Should().NotContain(SampleDocuments.SecretApiKey);
    }

    [Test]
    public async Task Everything_after_the_separator_reaches_claude_untouched()
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        using var claude = new StandInClaude();

        var start = await ToolProcess.RunAsync(home, claude.OnPath(), Limit, "work", "--", "--verbose", "--json", "--help", "-p", "hi");

        start.ExitCode.Should().Be(0, start.ToString());
        claude.Arguments.Should().Equal("--verbose", "--json", "--help", "-p", "hi");
        start.Error.Should().NotContain("http:", "--verbose after -- is claude's, not start-claude's");
        start.Output.Should().StartWith("stand-in claude ran with 5 arguments", "--json after -- is claude's: no JSON object from start-claude");
    }
}
