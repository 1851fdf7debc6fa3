using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>The installed tool's setup wizard in a real terminal, typed into as a person would.</summary>
public class TerminalSetupTests
{
    private const string Passphrase = "tmux typed passphrase 42";

    [Test]
    public async Task A_person_sets_up_an_S3_compatible_service_with_encryption_in_a_terminal()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by scripts/test.sh");
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        var user = Path.Combine(home.Folder, "user");
        Directory.CreateDirectory(Path.Combine(user, ".claude", "agents"));
        File.WriteAllText(Path.Combine(user, ".claude", "agents", "reviewer.md"), "Review.\n");
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' s3-setup",
            new Dictionary<string, string> { ["START_CLAUDE_HOME"] = home.Folder, ["HOME"] = user, ["TERM"] = "xterm-256color" });

        await terminal.WaitForAsync("Which storage service holds your configs?");
        terminal.SendKeys("Down", "Down", "Down");
        await terminal.WaitForAsync("> Other S3-compatible service");
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Bucket name:");
        terminal.TypeLine("Bad_Name");
        await terminal.WaitForAsync("lowercase");
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
        terminal.TypeLine("y");
        await terminal.WaitForAsync("Passphrase for");
        terminal.TypeLine(Passphrase);
        await terminal.WaitForAsync("The same passphrase again");
        terminal.TypeLine(Passphrase);
        await terminal.WaitForAsync("Remember the passphrase");
        terminal.TypeLine("n");
        await terminal.WaitForAsync("(Space to choose, Enter to accept)");
        terminal.SendKeys("Down");                                  // agents/
        terminal.SendKeys("Space");
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Sync is set up");
        var screen = await terminal.WaitForAsync("[exit ");

        screen.Should().Contain("Connection OK").And.Contain("Encryption:  on").And.Contain("[exit 0]");
        screen.Should().Contain("Claude Code: agents", "the item chosen with Space is kept in step");
        screen.Should().NotContain(server.SecretAccessKey, "the secret is typed masked and never echoed");
        screen.Should().NotContain(Passphrase, "the passphrase is typed masked and never echoed");
        var upload = await ToolProcess.RunAsync(home, new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = Passphrase, ["HOME"] = user }, TimeSpan.FromSeconds(60), "s3-sync");
        upload.ExitCode.Should().Be(0, upload.ToString());
        upload.Output.Should().Contain("added:   file agents/reviewer.md");
        var stored = await server.ReadObjectAsync(bucket, "start-claude-config.json");
        System.Text.Encoding.ASCII.GetString(stored!, 0, 22).Should().Be("age-encryption.org/v1\n", "the bucket holds an age file");
        var saved = ConfigDocument.Parse(home.ReadConfigBytes(), "saved").S3Sync!;
        saved.ProviderId.Should().Be("s3-compatible");
        saved.Input.Bucket.Should().Be(bucket);
        saved.Input.SecretAccessKey.Should().Be(server.SecretAccessKey);
        saved.Encrypt.Should().BeTrue();
        saved.RememberedPassphrase.Should().BeNull("the person chose not to remember it");
        TestContext.Out.WriteLine(screen);
    }
}
