using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>Setup takes the home lock only to read and write, never while it waits for a person (issue 26 items 2 and 7).</summary>
public class SetupLockTests
{
    [Test]
    public async Task Item2_another_command_is_not_kept_waiting_while_setup_waits_at_its_first_question()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' s3-setup",
            new Dictionary<string, string> { ["START_CLAUDE_HOME"] = home.Folder, ["TERM"] = "xterm-256color" });
        await terminal.WaitForAsync("Which storage service holds your configs?");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var add = await ToolProcess.RunAsync(home, null, TimeSpan.FromSeconds(60), "add", "zz", "--api-key", "sk-ant-api03-LOCKTEST-zzzz");
        clock.Stop();

        add.ExitCode.Should().Be(0, add.ToString());
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8), "the lock waits up to 10 s for a holder; setup holds none while it asks");
        home.ReadConfig().Should().Contain("\"zz\"");
        terminal.SendKeys("C-c");
        await terminal.WaitForAsync("[exit ");
        home.ReadConfig().Should().Contain("\"zz\"", "setup cancelled changes nothing, and the config added meanwhile stays");
    }

    [Test]
    public async Task Item7_setup_cancelled_at_its_first_question_creates_no_home_folder()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        using var scratch = new TempHome();
        var fresh = Path.Combine(scratch.Folder, "not-yet");
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' s3-setup",
            new Dictionary<string, string> { ["START_CLAUDE_HOME"] = fresh, ["TERM"] = "xterm-256color" });
        await terminal.WaitForAsync("Which storage service holds your configs?");

        terminal.SendKeys("C-c");
        var screen = await terminal.WaitForAsync("[exit ");

        screen.Should().Contain("nothing was changed");
        Directory.Exists(fresh).Should().BeFalse("nothing was changed, so nothing was created: " + screen);
    }
}
