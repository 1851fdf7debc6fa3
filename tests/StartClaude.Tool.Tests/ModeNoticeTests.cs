using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Issue 26 item H: a home readable by others is made private whenever a run takes the lock (the files hold
/// API keys, and a failing network should not leave them readable), but the line saying so is shown only
/// when the command succeeds: a failing command says one thing, its error.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ModeNoticeTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;
    private const UnixFileMode Open = PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private TempHome _home = null!;

    [SetUp]
    public void CreateHome()
    {
        _home = new TempHome();
        // S3 sync set up against a loopback port where nothing listens: every sync fails at once.
        _home.WriteConfig($$"""
            {
              "configs": [ { "name": "work", "apiKey": "sk-ant-api03-MODEMODEMODE-c3Fz", "isDefault": true } ],
              "settings": { "s3Sync": { "provider": "s3-compatible", "bucket": "modes", "region": "us-east-1", "accessKeyId": "mode-key",
                                        "secretAccessKey": "mode-secret", "endpointUrl": "http://127.0.0.1:{{FreePort.Next()}}", "key": "start-claude-config.json" } }
            }
            """);
        File.SetUnixFileMode(_home.Folder, Open);
        File.SetUnixFileMode(_home.ConfigPath, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    [TearDown]
    public void RemoveHome() => _home.Dispose();

    [Test]
    public async Task A_failing_command_tightens_the_modes_but_says_only_its_error()
    {
        var failed = await ToolRun.RunAsync(_home, null, "s3-sync");

        failed.ExitCode.Should().Be(1, failed.ToString());
        failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(failed.ToString()).Which.Should().StartWith("error:");
        File.GetUnixFileMode(_home.Folder).Should().Be(PrivateFolder, "the keys are protected whatever happens to the command");
        File.GetUnixFileMode(_home.ConfigPath).Should().Be(Private);
    }

    [Test]
    public async Task A_succeeding_command_says_once_that_it_made_the_home_private()
    {
        var added = await ToolRun.RunAsync(_home, new Dictionary<string, string> { ["START_CLAUDE_TIMEOUT_SECONDS"] = "1" },
            "add", "another", "--api-key", "sk-ant-api03-ANOTHERANOTHER-abcd");

        added.ExitCode.Should().Be(0, added.ToString());
        added.Error.Split('\n').Count(line => line.StartsWith("warning: made ", StringComparison.Ordinal)).Should().Be(1, added.ToString());
        File.GetUnixFileMode(_home.Folder).Should().Be(PrivateFolder);
    }

    [Test]
    public async Task The_machine_key_and_the_team_files_are_made_private_too()
    {
        var identity = Path.Combine(_home.Folder, "identity.txt");
        File.WriteAllText(identity, "AGE-SECRET-KEY-1ERJ5ZXZJQNZPDUCK7DWTPC99E0ZMR0U5ZZ322M5E0XMAQ38CH8SSNGAV26\n");
        File.SetUnixFileMode(identity, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var teams = Directory.CreateDirectory(Path.Combine(_home.Folder, "teams")).FullName;
        File.SetUnixFileMode(teams, Open);
        File.WriteAllText(Path.Combine(teams, "acme.json"), "{}");
        File.SetUnixFileMode(Path.Combine(teams, "acme.json"), Private | UnixFileMode.OtherRead);

        var added = await ToolRun.RunAsync(_home, null, "add", "another", "--api-key", "sk-ant-api03-ANOTHERANOTHER-abcd");

        added.ExitCode.Should().Be(0, added.ToString());
        File.GetUnixFileMode(identity).Should().Be(Private);
        File.GetUnixFileMode(teams).Should().Be(PrivateFolder);
        File.GetUnixFileMode(Path.Combine(teams, "acme.json")).Should().Be(Private);
    }

    [Test]
    public async Task The_machine_list_of_a_remote_on_machine_keys_is_made_private_too()
    {
        var machines = Path.Combine(_home.Folder, "machines.json");
        File.WriteAllText(machines, "{}");
        File.SetUnixFileMode(machines, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var added = await ToolRun.RunAsync(_home, null, "add", "another", "--api-key", "sk-ant-api03-ANOTHERANOTHER-abcd");

        added.ExitCode.Should().Be(0, added.ToString());
        File.GetUnixFileMode(machines).Should().Be(Private);
    }
}
