using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>`start-claude [name]` runs a stand-in claude found on PATH, which records what it got.</summary>
public class LaunchTests
{
    private const string WorkKey = "sk-ant-api03-WORKSECRETWORKSECRET-c3Fz";
    private TempHome _home = null!;
    private StandInClaude _claude = null!;

    [SetUp]
    public void Create()
    {
        _home = new TempHome();
        _claude = new StandInClaude(exitCode: 7);
    }

    [TearDown]
    public void Remove()
    {
        _home.Dispose();
        _claude.Dispose();
    }

    private Task<ToolResult> Start(params string[] args) => ToolRun.RunAsync(_home, _claude.OnPath(), args);

    private void WriteConfigs() => _home.WriteConfig($$"""
        {
          "configs": [
            { "name": "work", "apiKey": "{{WorkKey}}", "baseUrl": "https://api.example.com", "model": "claude-opus-4",
              "permissionMode": "acceptEdits", "isDefault": true, "disableTelemetry": true, "mcpTimeout": 5000 },
            { "name": "gateway", "authToken": "tok-GATEWAYGATEWAY-1234", "baseUrl": "http://localhost:4000",
              "customHeaders": "X-Team: core", "httpsProxy": "http://proxy:3128", "smallFastModel": "claude-haiku" },
            { "name": "off", "apiKey": "sk-off", "enabled": false }
          ],
          "settings": { "overrideClaudeCommand": false }
        }
        """);

    [Test]
    public async Task No_name_starts_the_default_with_its_environment_and_returns_claudes_exit_code()
    {
        WriteConfigs();

        var result = await Start();

        result.ExitCode.Should().Be(7, result.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_API_KEY", WorkKey)
            .And.Contain("ANTHROPIC_BASE_URL", "https://api.example.com")
            .And.Contain("ANTHROPIC_MODEL", "claude-opus-4")
            .And.Contain("DISABLE_TELEMETRY", "1")
            .And.Contain("MCP_TIMEOUT", "5000")
            .And.NotContainKey("ANTHROPIC_AUTH_TOKEN");
        _claude.Arguments.Should().Equal("--permission-mode", "acceptEdits");
        result.All.Should().NotContain(WorkKey);
    }

    [Test]
    public async Task A_named_config_starts_and_arguments_after_the_separator_pass_through_untouched()
    {
        WriteConfigs();

        var result = await Start("GATEWAY", "--", "-p", "two words", "--model", "--", "$HOME");

        result.ExitCode.Should().Be(7, result.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_AUTH_TOKEN", "tok-GATEWAYGATEWAY-1234")
            .And.Contain("ANTHROPIC_CUSTOM_HEADERS", "X-Team: core")
            .And.Contain("HTTPS_PROXY", "http://proxy:3128")
            .And.Contain("ANTHROPIC_SMALL_FAST_MODEL", "claude-haiku");
        _claude.Arguments.Should().Equal("-p", "two words", "--model", "--", "$HOME");
    }

    [Test]
    public async Task Override_flags_win_over_the_config()
    {
        WriteConfigs();

        var result = await Start("work", "--api-key", "sk-override-1234567890", "--base-url", "https://other.example.com", "--model", "m2", "-e", "FOO=bar baz", "-e", "ANTHROPIC_MODEL=m3");

        result.ExitCode.Should().Be(7, result.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_API_KEY", "sk-override-1234567890")
            .And.Contain("ANTHROPIC_BASE_URL", "https://other.example.com")
            .And.Contain("ANTHROPIC_MODEL", "m3")
            .And.Contain("FOO", "bar baz");
    }

    [Test]
    public async Task Overrides_work_with_no_configuration_at_all()
    {
        var result = await Start("--api-key", "sk-only-1234567890", "--model", "m1", "--", "--version");

        result.ExitCode.Should().Be(7, result.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_API_KEY", "sk-only-1234567890").And.Contain("ANTHROPIC_MODEL", "m1");
        _claude.Arguments.Should().Equal("--version");
        _home.ConfigExists.Should().BeFalse("starting writes nothing");
    }

    [Test]
    public async Task No_configuration_and_no_overrides_says_how_to_add_one()
    {
        var result = await Start();

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("start-claude add");
        _claude.Ran.Should().BeFalse();
    }

    [Test]
    public async Task An_unknown_name_lists_close_matches_and_starts_nothing()
    {
        WriteConfigs();

        var result = await Start("gatway");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("did you mean 'gateway'?");
        _claude.Ran.Should().BeFalse();
    }

    [Test]
    public async Task A_disabled_config_is_not_started()
    {
        WriteConfigs();

        var result = await Start("off");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("disabled").And.Contain("--enabled true");
        _claude.Ran.Should().BeFalse();
    }

    [Test]
    public async Task A_missing_claude_says_how_to_install_it()
    {
        WriteConfigs();
        using var empty = new TempHome();

        var result = await ToolRun.RunAsync(_home, new Dictionary<string, string> { ["PATH"] = empty.Folder }, "work");

        result.ExitCode.Should().Be(127, result.ToString());
        result.Error.Should().Contain("not found on PATH").And.Contain("npm install -g @anthropic-ai/claude-code");
    }

    [Test]
    public async Task Without_a_default_a_terminal_is_asked_and_a_script_is_told_to_name_one()
    {
        WriteConfigs();
        _home.EditConfig(root => root.Config("work")["isDefault"] = false);

        var scripted = await Start();
        scripted.ExitCode.Should().Be(2);
        scripted.Error.Should().Contain("start-claude <name>").And.Contain("start-claude default <name>");
        _claude.Ran.Should().BeFalse();

        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);
        var asked = await ToolRun.RunAsync(_home, _claude.OnPath(), console, interactive: true);

        asked.ExitCode.Should().Be(7, asked.ToString());
        asked.Output.Should().Contain("Which configuration?").And.NotContain(WorkKey);
        _claude.Variables.Should().Contain("ANTHROPIC_AUTH_TOKEN", "tok-GATEWAYGATEWAY-1234");
    }

    [Test]
    public async Task A_malformed_override_is_refused_before_anything_runs()
    {
        WriteConfigs();

        var result = await Start("-e", "NOT AN ASSIGNMENT");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("-e takes NAME=VALUE");
        _claude.Ran.Should().BeFalse();
    }

    [Test]
    public async Task Options_for_claude_before_the_separator_are_refused_with_the_way_to_pass_them()
    {
        WriteConfigs();

        var result = await Start("work", "-p", "hello");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("put them after --");
        result.Output.Should().BeEmpty("stdout stays clean: the parser's own hint line is not printed");
        _claude.Ran.Should().BeFalse();
    }
}
