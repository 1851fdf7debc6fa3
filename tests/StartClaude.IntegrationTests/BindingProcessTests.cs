using System.Diagnostics;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// Bindings and `run` through the real executable, started in a folder below the binding, with its own HOME
/// and START_CLAUDE_HOME and a stand-in claude on PATH.
/// </summary>
public class BindingProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private const string WorkKey = "sk-ant-api03-PROCESSWORKPROCESS-c3Fz";
    private const string OtherKey = "sk-ant-api03-PROCESSOTHERPROCES-9xYz";

    private TempHome _home = null!;
    private TempHome _userHome = null!;
    private StandInClaude _claude = null!;
    private string _project = null!;
    private string _deep = null!;

    [SetUp]
    public void Create()
    {
        _home = new TempHome();
        _userHome = new TempHome();
        _claude = new StandInClaude(exitCode: 5);
        _project = Directory.CreateTempSubdirectory("start-claude-process-project-").FullName;
        _deep = Path.Combine(_project, "one", "two", "three", "four", "five");
        Directory.CreateDirectory(_deep);
        _home.WriteConfig($$"""
            {
              "configs": [
                { "name": "work", "apiKey": "{{WorkKey}}", "model": "m-work", "isDefault": true },
                { "name": "other", "apiKey": "{{OtherKey}}", "model": "m-other", "baseUrl": "https://other.example.com" }
              ]
            }
            """);
    }

    [TearDown]
    public void Remove()
    {
        _home.Dispose();
        _userHome.Dispose();
        _claude.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    private Task<ToolResult> In(string folder, params string[] args)
    {
        var variables = _claude.OnPath();
        variables["HOME"] = _userHome.Folder;
        return ToolProcess.RunInAsync(folder, _home, variables, Limit, [], args);
    }

    [Test]
    public async Task A_binding_in_a_parent_folder_picks_its_config_and_a_name_wins_over_it()
    {
        var bind = await In(_project, "bind", "other");
        bind.ExitCode.Should().Be(0, bind.ToString());

        var bound = await In(_deep, "--verbose");

        bound.ExitCode.Should().Be(5, bound.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-other").And.Contain("ANTHROPIC_API_KEY", OtherKey);
        bound.Error.Should().Contain($"config 'other' (bound by {Path.Combine(_project, ".start-claude-config")})");

        var named = await In(_deep, "work");
        named.ExitCode.Should().Be(5, named.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-work");
    }

    [Test]
    public async Task A_here_only_binding_and_a_binding_to_a_missing_config()
    {
        (await In(_project, "bind", "--here-only", "other")).ExitCode.Should().Be(0);
        var bound = await In(_deep);
        bound.ExitCode.Should().Be(5, bound.ToString());
        _claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m-other");

        File.WriteAllText(Path.Combine(_deep, ".start-claude-config"), "gone\n");
        var missing = await In(_deep);
        missing.ExitCode.Should().Be(2, missing.ToString());
        missing.Error.Should().StartWith($"error: the binding file {Path.Combine(_deep, ".start-claude-config")} names the config 'gone'")
            .And.Contain("'work', 'other'");
    }

    [Test]
    public async Task A_projects_settings_local_json_with_a_base_url_gets_the_warning()
    {
        Directory.CreateDirectory(Path.Combine(_project, ".claude"));
        File.WriteAllText(Path.Combine(_project, ".claude", "settings.local.json"), """{ "env": { "ANTHROPIC_BASE_URL": "http://127.0.0.1:9/proxy" } }""");

        var result = await In(_deep, "other");

        result.ExitCode.Should().Be(5, result.ToString());
        result.Error.Trim().Should().StartWith("warning: Claude Code will override config 'other'")
            .And.Contain(Path.Combine(_project, ".claude", "settings.local.json")).And.Contain("ANTHROPIC_BASE_URL=");
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task Run_passes_the_variables_the_arguments_after_the_separator_untouched_and_the_exit_code()
    {
        File.WriteAllText(Path.Combine(_project, ".start-claude-config"), "other\n");
        var program = Path.Combine(_project, "program.sh");
        File.WriteAllText(program, "#!/bin/sh\nprintf '%s|' \"$ANTHROPIC_MODEL\" \"$ANTHROPIC_API_KEY\" \"$@\"\nexit 42\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var bound = await In(_deep, "run", "--", program, "--json", "two words", "--", "*", "$HOME");
        var named = await In(_deep, "run", "work", "--", program, "--verbose");

        bound.ExitCode.Should().Be(42, bound.ToString());
        bound.Output.Should().Be($"m-other|{OtherKey}|--json|two words|--|*|$HOME|");
        named.ExitCode.Should().Be(42, named.ToString());
        named.Output.Should().Be($"m-work|{WorkKey}|--verbose|");
    }

    [Test]
    public async Task A_FIFO_as_the_binding_file_gets_one_clear_error_in_bounded_time()
    {
        var fifo = Path.Combine(_project, ".start-claude-config");
        using (var mkfifo = Process.Start("mkfifo", [fifo])!)
            mkfifo.WaitForExit();
        var clock = Stopwatch.StartNew();

        var result = await In(_deep);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Trim().Should().Be($"error: the binding file {fifo} is a FIFO (named pipe), not a regular file; it should hold one config name (start-claude bind NAME rewrites it, start-claude unbind removes it)");
        _claude.Ran.Should().BeFalse();
    }
}
