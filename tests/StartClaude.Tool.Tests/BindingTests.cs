using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Which config a start takes: the name given, START_CLAUDE_CONFIG, the nearest binding from the current
/// folder upward (a .start-claude-config file or this machine's --here-only record), the default; `which`
/// says it, `run` gives any program the same variables, and Claude Code's project settings that would
/// override the choice are named.
/// </summary>
public class BindingTests
{
    private const string WorkKey = "sk-ant-api03-WORKSECRETWORKSECRET-c3Fz";
    private const string OtherKey = "sk-ant-api03-OTHERSECRETOTHERSEC-9xYz";
    private TempHome _home = null!;
    private StandInClaude _claude = null!;
    private string _project = null!;
    private string _deep = null!;

    [SetUp]
    public void Create()
    {
        _home = new TempHome();
        _claude = new StandInClaude(exitCode: 7);
        _project = Directory.CreateTempSubdirectory("start-claude-project-").FullName;
        _deep = Path.Combine(_project, "a", "b", "c", "d", "e");
        Directory.CreateDirectory(_deep);
        _home.WriteConfig($$"""
            {
              "configs": [
                { "name": "work", "apiKey": "{{WorkKey}}", "model": "m-work", "isDefault": true },
                { "name": "other", "apiKey": "{{OtherKey}}", "model": "m-other", "baseUrl": "https://other.example.com" },
                { "name": "gateway", "authToken": "tok-GATEWAYGATEWAY-1234", "model": "m-gateway" }
              ]
            }
            """);
    }

    [TearDown]
    public void Remove()
    {
        _home.Dispose();
        _claude.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    private Task<ToolResult> In(string folder, params string[] args) => In(folder, _claude.OnPath(), args);

    private Task<ToolResult> In(string folder, Dictionary<string, string> variables, params string[] args) =>
        ToolRun.RunInAsync(folder, _home, variables, args);

    private string BindingFile(string folder) => Path.Combine(folder, ".start-claude-config");

    [Test]
    public async Task A_binding_five_folders_up_picks_its_config()
    {
        var bind = await In(_project, "bind", "OTHER");

        bind.ExitCode.Should().Be(0, bind.ToString());
        File.ReadAllText(BindingFile(_project)).Should().Contain("other").And.NotContain(OtherKey);
        var start = await In(_deep);

        start.ExitCode.Should().Be(7, start.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-other").And.Contain("ANTHROPIC_API_KEY", OtherKey);
    }

    [Test]
    public async Task A_name_on_the_command_line_and_START_CLAUDE_CONFIG_win_over_a_binding()
    {
        File.WriteAllText(BindingFile(_project), "other\n");

        var named = await In(_deep, "gateway");
        named.ExitCode.Should().Be(7, named.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-gateway");

        var variables = _claude.OnPath();
        variables["START_CLAUDE_CONFIG"] = "work";
        var fromVariable = await In(_deep, variables, "--verbose");
        fromVariable.ExitCode.Should().Be(7, fromVariable.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-work");
        fromVariable.Error.Should().Contain("config 'work' (from START_CLAUDE_CONFIG)");

        var both = await In(_deep, variables, "gateway");
        both.ExitCode.Should().Be(7, both.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-gateway");
    }

    [Test]
    public async Task A_here_only_binding_lives_in_the_home_never_in_the_folder_or_the_synced_document()
    {
        var configBefore = _home.ReadConfig();

        var bind = await In(Path.Combine(_project, "a"), "bind", "--here-only", "gateway");

        bind.ExitCode.Should().Be(0, bind.ToString());
        Directory.EnumerateFileSystemEntries(_project, "*", SearchOption.AllDirectories).Should().NotContain(p => Path.GetFileName(p) == ".start-claude-config");
        _home.ReadConfig().Should().Be(configBefore, "config.json is the synced document: a machine's paths never go there");
        var recorded = Path.Combine(_home.Folder, "bindings.json");
        JsonNode.Parse(File.ReadAllText(recorded))!["bindings"]![Path.Combine(_project, "a")]!.GetValue<string>().Should().Be("gateway");
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(recorded).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var start = await In(_deep, "--verbose");
        start.ExitCode.Should().Be(7, start.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-gateway");
        start.Error.Should().Contain($"bound on this machine in {recorded}");

        var outside = await In(_project);
        outside.ExitCode.Should().Be(7, outside.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-work", "the binding covers its folder and those below, not its parent");
    }

    [Test]
    public async Task In_one_folder_this_machines_binding_comes_before_the_file_and_the_nearer_binding_wins()
    {
        File.WriteAllText(BindingFile(_project), "other\n");
        File.WriteAllText(BindingFile(Path.Combine(_project, "a", "b")), "gateway\n");

        (await In(_deep)).ExitCode.Should().Be(7);
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-gateway", "the nearer file wins");

        (await In(Path.Combine(_project, "a", "b"), "bind", "--here-only", "work")).ExitCode.Should().Be(0);
        (await In(_deep)).ExitCode.Should().Be(7);
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-work");

        var rebind = await In(Path.Combine(_project, "a", "b"), "bind", "gateway");
        rebind.ExitCode.Should().Be(0, rebind.ToString());
        rebind.Error.Should().Contain("on this machine starts here still use 'work'", "the file alone would seem ignored");
    }

    [Test]
    public async Task A_binding_to_a_config_this_machine_lacks_fails_naming_the_file_and_the_configs_closest_first()
    {
        File.WriteAllText(BindingFile(_project), "# shared with the team\nothr\n");

        var result = await In(_deep);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(BindingFile(_project)).And.Contain("'othr'")
            .And.Contain("'other', 'work', 'gateway'");
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1);
        _claude.Ran.Should().BeFalse("never a silent fall back to the default");
    }

    [Test]
    public async Task START_CLAUDE_CONFIG_naming_a_missing_config_fails_naming_the_variable()
    {
        var variables = _claude.OnPath();
        variables["START_CLAUDE_CONFIG"] = "nope";

        var result = await In(_deep, variables);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("START_CLAUDE_CONFIG names the config 'nope'");
        _claude.Ran.Should().BeFalse();
    }

    [Test]
    public async Task Which_says_which_config_and_why_in_text_and_json()
    {
        var byDefault = await In(_deep, "which");
        byDefault.ExitCode.Should().Be(0, byDefault.ToString());
        byDefault.Output.Trim().Should().Be("work (the default)");

        File.WriteAllText(BindingFile(_project), "other\n");
        var text = await In(_deep, "which");
        var json = await In(_deep, "which", "--json");

        text.Output.Trim().Should().Be($"other (bound by {BindingFile(_project)})");
        json.ExitCode.Should().Be(0, json.ToString());
        var answer = JsonNode.Parse(json.Output)!;
        answer["command"]!.GetValue<string>().Should().Be("which");
        answer["config"]!.GetValue<string>().Should().Be("other");
        answer["source"]!.GetValue<string>().Should().Be("binding-file");
        answer["file"]!.GetValue<string>().Should().Be(BindingFile(_project));
        answer["folder"]!.GetValue<string>().Should().Be(_project);
        _claude.Ran.Should().BeFalse("which starts nothing");
    }

    [Test]
    public async Task Unbind_removes_the_file_and_this_machines_binding_and_says_what_still_applies()
    {
        File.WriteAllText(BindingFile(_project), "other\n");
        var middle = Path.Combine(_project, "a");
        File.WriteAllText(BindingFile(middle), "gateway\n");
        (await In(middle, "bind", "--here-only", "gateway")).ExitCode.Should().Be(0);

        var result = await In(middle, "unbind");

        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(BindingFile(middle)).Should().BeFalse();
        File.Exists(BindingFile(_project)).Should().BeTrue("only this folder's binding goes");
        File.ReadAllText(Path.Combine(_home.Folder, "bindings.json")).Should().NotContain("gateway");
        result.Output.Should().Contain($"still use 'other': bound by {BindingFile(_project)}");
    }

    [Test]
    public async Task Bind_refuses_a_config_this_machine_lacks_and_writes_nothing()
    {
        var result = await In(_project, "bind", "gatway");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("did you mean 'gateway'?");
        File.Exists(BindingFile(_project)).Should().BeFalse();
    }

    // Each gets one clear error in bounded time and starts nothing.
    [TestCase("huge")]
    [TestCase("binary")]
    [TestCase("escape codes")]
    [TestCase("symlink loop")]
    [TestCase("FIFO")]
    [TestCase("directory")]
    [TestCase("two names")]
    public async Task A_hostile_binding_file_gets_one_clear_error_in_bounded_time(string kind)
    {
        var path = BindingFile(Path.Combine(_project, "a"));
        switch (kind)
        {
            case "huge":
                File.WriteAllBytes(path, Encoding.ASCII.GetBytes(new string('w', 50 * 1024 * 1024)));
                break;
            case "binary":
                File.WriteAllBytes(path, [0xff, 0xfe, 0x00, 0x81, 0xc3, 0x28]);
                break;
            case "escape codes":
                File.WriteAllText(path, "wo\u001b]0;owned\u0007rk\n");
                break;
            case "symlink loop":
                File.CreateSymbolicLink(path, ".start-claude-config");
                break;
            case "FIFO":
                HostileInputs.MakeFifo(path);
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "two names":
                File.WriteAllText(path, "work\nother\n");
                break;
        }
        var clock = Stopwatch.StartNew();

        var result = await In(_deep);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        result.ExitCode.Should().Be(1, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(1);
        lines[0].Should().StartWith($"error: the binding file {path} ").And.Contain("start-claude unbind");
        result.All.Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("internal error");
        _claude.Ran.Should().BeFalse();
    }

    [Test]
    public async Task A_projects_settings_local_json_that_sets_the_base_url_gets_one_warning_with_values_masked()
    {
        var settings = Path.Combine(_project, ".claude");
        Directory.CreateDirectory(settings);
        const string projectKey = "sk-ant-api03-PROJECTPROJECTPROJ-abcd";
        File.WriteAllText(Path.Combine(settings, "settings.local.json"),
            $$"""{ "env": { "ANTHROPIC_BASE_URL": "http://localhost:4000/secret-path", "ANTHROPIC_API_KEY": "{{projectKey}}", "UNRELATED": "x" } }""");

        var result = await In(_deep, "other");

        result.ExitCode.Should().Be(7, result.ToString());
        var warnings = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        warnings.Should().HaveCount(1);
        warnings[0].Should().StartWith("warning: ").And.Contain(Path.Combine(settings, "settings.local.json"))
            .And.Contain("ANTHROPIC_BASE_URL=").And.Contain("ANTHROPIC_API_KEY=sk-ant-…abcd").And.Contain("'other'").And.NotContain("UNRELATED");
        result.All.Should().NotContain(projectKey).And.NotContain("secret-path");
    }

    [TestCase("not JSON", "{ \"env\": { \"ANTHROPIC_BASE_URL\": ")]
    [TestCase("deep", "")]
    [TestCase("huge", "")]
    [TestCase("FIFO", "")]
    public async Task Hostile_claude_settings_get_a_warning_and_the_start_goes_on(string kind, string text)
    {
        var settings = Path.Combine(_project, ".claude");
        Directory.CreateDirectory(settings);
        var path = Path.Combine(settings, "settings.json");
        switch (kind)
        {
            case "deep":
                File.WriteAllText(path, "{\"env\":" + new string('[', 100_000));
                break;
            case "huge":
                File.WriteAllText(path, "{\"env\":{\"A\":\"" + new string('x', 3 * 1024 * 1024) + "\"}}");
                break;
            case "FIFO":
                HostileInputs.MakeFifo(path);
                break;
            default:
                File.WriteAllText(path, text);
                break;
        }

        var result = await In(_deep);

        result.ExitCode.Should().Be(7, result.ToString());
        result.Error.Should().StartWith("warning: could not check Claude Code's settings").And.Contain(path).And.NotContain("internal error");
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-work");
    }

    [Test]
    public async Task Run_gives_a_program_the_variables_a_start_gives_claude_the_arguments_untouched_and_its_exit_code()
    {
        File.WriteAllText(BindingFile(_project), "other\n");
        var start = await In(_deep);
        start.ExitCode.Should().Be(7, start.ToString());
        var claudeGot = _claude.Variables;
        File.Delete(Path.Combine(_claude.Folder, "env.bin"));

        // The stand-in claude is any program: it records what it was given.
        var run = await In(_deep, "run", "--", Path.Combine(_claude.Folder, "claude"), "-p", "two words", "--verbose", "--", "$HOME", "");

        run.ExitCode.Should().Be(7, run.ToString());
        _claude.Arguments.Should().Equal("-p", "two words", "--verbose", "--", "$HOME", "");
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-other").And.Contain("ANTHROPIC_API_KEY", OtherKey);
        foreach (var name in new[] { "ANTHROPIC_MODEL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL" })
            _claude.Variables[name].Should().Be(claudeGot[name]);

        var named = await In(_deep, "run", "gateway", "--", "claude");
        named.ExitCode.Should().Be(7, named.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_AUTH_TOKEN", "tok-GATEWAYGATEWAY-1234").And.NotContainKey("ANTHROPIC_API_KEY");
        _claude.Arguments.Should().BeEmpty();
    }

    [Test]
    public async Task Run_without_a_program_or_with_one_that_is_not_there_says_so()
    {
        var none = await In(_deep, "run", "work");
        var missing = await In(_deep, "run", "work", "--", "no-such-program-here");

        none.ExitCode.Should().Be(2, none.ToString());
        none.Error.Should().Contain("start-claude run [NAME] -- PROGRAM");
        missing.ExitCode.Should().Be(127, missing.ToString());
        missing.Error.Should().Contain("'no-such-program-here' was not found on PATH");
    }
}
