using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>The installed tool in a real terminal (tmux): odd terminals, Ctrl-C, stored secrets, hostile names.</summary>
public class TerminalPromptTests
{
    // No English words in it, so no 4 characters of it appear on a screen by chance.
    private const string StoredSecret = "Zq8xW3vT9kLm2Pr7Yb4Nc6Hd1Gf5Js0X";

    private static Dictionary<string, string> Environment(TempHome home, string term) =>
        new() { ["START_CLAUDE_HOME"] = home.Folder, ["TERM"] = term };

    private static string? SpinnerLine(string screen) =>
        screen.Split('\n').LastOrDefault(line => line.Contains("Testing the connection", StringComparison.Ordinal));

    [Test]
    public async Task Setup_works_on_a_dumb_terminal_with_numbered_choices()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' s3-setup", Environment(home, "dumb"));

        await terminal.WaitForAsync("4) Other S3-compatible service");
        terminal.TypeLine("4");
        await terminal.WaitForAsync("Bucket name:");
        terminal.TypeLine(bucket);
        await terminal.WaitForAsync("Region");
        terminal.TypeLine("");
        await terminal.WaitForAsync("Access Key ID:");
        terminal.TypeLine(server.AccessKeyId);
        await terminal.WaitForAsync("Secret Access Key:");
        terminal.TypeLine(server.SecretAccessKey);
        await terminal.WaitForAsync("Custom endpoint URL:");
        terminal.TypeLine(server.EndpointUrl);
        await terminal.WaitForAsync("File path in bucket");
        terminal.TypeLine("");
        await terminal.WaitForAsync("Encrypt the document");
        terminal.TypeLine("n");
        await terminal.WaitForAsync("Numbers, comma-separated");    // which Claude Code items: Enter keeps none
        terminal.TypeLine("");
        var screen = await terminal.WaitForAsync("[exit ");

        screen.Should().Contain("Sync is set up").And.Contain("[exit 0]").And.NotContain("internal error");
        screen.Should().Contain("Which storage service holds your configs? Other S3-compatible service", "the choice is echoed");
        TestContext.Out.WriteLine(screen);
    }

    [Test]
    public async Task Ctrl_C_in_the_provider_menu_restores_the_cursor_and_says_nothing_changed()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        var before = home.ReadConfigBytes();
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' s3-setup", Environment(home, "xterm-256color"));

        await terminal.WaitForAsync("Which storage service holds your configs?");
        await terminal.WaitUntilAsync(() => !terminal.CursorVisible, "the menu to hide the cursor while it is shown");
        terminal.SendKeys("C-c");
        var screen = await terminal.WaitForAsync("[exit ");

        terminal.CursorVisible.Should().BeTrue("Ctrl-C must give the cursor back");
        screen.Should().Contain("cancelled; nothing was changed").And.Contain("[exit 130]");
        screen.Split("cancelled; nothing was changed").Length.Should().Be(2, "the line is printed once");
        home.ReadConfigBytes().Should().Equal(before);
        TestContext.Out.WriteLine(screen);
    }

    [Test]
    public async Task Ctrl_C_during_the_connection_spinner_clears_it_and_restores_the_cursor()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        // A loopback server that accepts connections and never answers: the spinner keeps spinning.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var home = new TempHome();
        using var terminal = new TmuxSession(
            $"'{ToolProcess.Executable}' s3-setup --provider s3-compatible --bucket silent-bucket --access-key-id id-0001 --endpoint-url http://127.0.0.1:{port}",
            Environment(home, "xterm-256color"));

        await terminal.WaitForAsync("Secret Access Key");
        terminal.TypeLine("secretValueForTheSpinnerTest000000000000");
        // A new frame of the spinner proves it is drawn and turning when Ctrl-C comes.
        var firstFrame = SpinnerLine(await terminal.WaitForAsync("Testing the connection"));
        await terminal.WaitUntilAsync(() => SpinnerLine(terminal.Screen()) is { } frame && frame != firstFrame, "the spinner's next frame");
        terminal.SendKeys("C-c");
        var screen = await terminal.WaitForAsync("[exit ");

        terminal.CursorVisible.Should().BeTrue();
        screen.Should().Contain("cancelled; nothing was changed").And.Contain("[exit 130]");
        screen.Should().NotContain("Testing the connection", "the spinner's line is cleared");
        home.ConfigExists.Should().BeFalse();
        TestContext.Out.WriteLine(screen);
    }

    [Test]
    public async Task Setup_run_again_never_shows_any_part_of_the_stored_secret()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        var first = await ToolProcess.RunAsync(home, null, TimeSpan.FromSeconds(60), SetupArgs.For(server, bucket, secret: StoredSecret));
        first.ExitCode.Should().Be(0, first.ToString());
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' s3-setup", Environment(home, "xterm-256color"));

        await terminal.WaitForAsync("Which storage service holds your configs?");
        terminal.SendKeys("Enter");                                 // the current provider is listed first
        foreach (var question in new[] { "Bucket name", "Region", "Access Key ID", "Secret Access Key", "Custom endpoint URL", "File path in bucket" })
        {
            await terminal.WaitForAsync(question);
            terminal.TypeLine("");
        }
        await terminal.WaitForAsync("Encrypt the document");
        terminal.TypeLine("n");
        await terminal.WaitForAsync("(Space to choose, Enter to accept)");
        terminal.SendKeys("Enter");                                 // no Claude Code items
        var screen = await terminal.WaitForAsync("[exit ");

        screen.Should().Contain("Enter keeps the stored secret").And.Contain("[exit 0]");
        for (var i = 0; i + 4 <= StoredSecret.Length; i++)
            screen.Should().NotContain(StoredSecret.Substring(i, 4), "no 4 characters of the stored secret may be shown");
        TestContext.Out.WriteLine(screen);
    }

    // Spectre.Console 0.57 spun forever laying out this menu on a terminal 2 columns wide (a wide character in a label).
    [Test]
    public async Task The_config_picker_takes_an_answer_on_a_terminal_two_columns_wide()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        using var home = new TempHome();
        using var claude = new StandInClaude();
        home.WriteConfig("""{"configs": [ {"name": "日", "apiKey": "sk-ant-api03-x"}, {"name": "work", "apiKey": "sk-ant-api03-y"} ]}""");
        var environment = Environment(home, "xterm-256color");
        environment["PATH"] = $"{claude.Folder}:/usr/bin:/bin";
        var done = Path.Combine(home.Folder, "done");
        using var terminal = new TmuxSession($"sh -c \"'{ToolProcess.Executable}'; touch '{done}'\"", environment, width: 2);

        // The picker hides the cursor once it is drawn; Enter then takes the first config and claude runs.
        await terminal.WaitUntilAsync(() => !terminal.CursorVisible, "the picker to be drawn (it hides the cursor)");
        terminal.SendKeys("Enter");
        await terminal.WaitUntilAsync(() => File.Exists(done), "the picker to take Enter and claude to run");

        claude.Ran.Should().BeTrue();
    }

    [Test]
    public async Task A_config_name_with_escape_codes_from_the_bucket_is_printed_escaped()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by .ci/run");
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        var setup = await ToolProcess.RunAsync(home, null, TimeSpan.FromSeconds(60), SetupArgs.For(server, bucket));
        setup.ExitCode.Should().Be(0, setup.ToString());
        const string hostile = "r\\u001b]0;OWNED\\u0007\\u001b[2J";   // JSON escapes: the parsed name holds the raw codes
        await server.PutObjectAsync(bucket, "start-claude-config.json", System.Text.Encoding.UTF8.GetBytes(
            "{\"configs\":[{\"name\":\"" + hostile + "\",\"apiKey\":\"sk-ant-api03-x\",\"isDefault\":true}],\"settings\":{}}"));
        var exe = ToolProcess.Executable;
        using var terminal = new TmuxSession($"sh -c \"echo BEFORE; '{exe}' s3-sync; '{exe}' list; '{exe}' show r\"", Environment(home, "xterm-256color"));

        var screen = await terminal.WaitForAsync("[exit ");

        screen.Should().Contain("BEFORE", "nothing cleared the screen");
        screen.Should().Contain(@"r\u001b]0;OWNED\u0007\u001b[2J", "the name is shown with its escape codes visible");
        terminal.PaneTitle.Should().NotContain("OWNED", "nothing retitled the window");
        TestContext.Out.WriteLine(screen);
    }
}
