using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>The questions commands ask on a terminal, answered by scripted keystrokes.</summary>
public class InteractivePromptTests : DeviceTestBase
{
    private static TestConsole Terminal()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        return console;
    }

    [Test]
    public async Task Setup_on_a_terminal_asks_the_chosen_providers_questions_and_re_asks_a_bad_answer()
    {
        var console = Terminal();
        for (var i = 0; i < 3; i++)
            console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);                  // Other S3-compatible service
        console.Input.PushTextWithEnter("Bad_Bucket");            // refused
        console.Input.PushTextWithEnter(Bucket);
        console.Input.PushTextWithEnter("");                      // region: us-east-1
        console.Input.PushTextWithEnter(Server.AccessKeyId);
        console.Input.PushTextWithEnter(Server.SecretAccessKey);
        console.Input.PushTextWithEnter(Server.EndpointUrl);
        console.Input.PushTextWithEnter("");                      // key: start-claude-config.json
        console.Input.PushTextWithEnter("n");                     // no encryption
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-setup");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Custom endpoint URL").And.Contain("lowercase").And.Contain("Connection OK");
        result.Output.Should().NotContain(Server.SecretAccessKey);
        var saved = Document(DeviceA.ReadConfigBytes()).S3Sync!;
        saved.ProviderId.Should().Be("s3-compatible");
        saved.Input.Should().Be(new StartClaude.Abstractions.SettingsInput(Bucket, "us-east-1", Server.AccessKeyId, Server.SecretAccessKey, Server.EndpointUrl, "start-claude-config.json"));
    }

    [Test]
    public async Task Flags_answer_their_questions_so_only_the_rest_is_asked()
    {
        var console = Terminal();
        console.Input.PushTextWithEnter(Server.SecretAccessKey);
        console.Input.PushTextWithEnter("n");                     // no encryption
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none
        var args = SetupArgs.For(Server, Bucket).ToList();
        args.RemoveRange(args.IndexOf("--secret-access-key"), 2);

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, [.. args]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Secret Access Key").And.NotContain("Bucket name").And.NotContain("Custom endpoint URL");
    }

    [Test]
    public async Task The_wizard_asks_which_Claude_Code_items_to_keep_in_step_and_the_chosen_ones_travel()
    {
        var user = Path.Combine(DeviceA.Folder, "user");
        Directory.CreateDirectory(Path.Combine(user, ".claude", "agents"));
        File.WriteAllText(Path.Combine(user, ".claude", "agents", "reviewer.md"), "Review.\n");
        File.WriteAllText(Path.Combine(user, ".claude", "settings.json"), "{\"permissions\":{},\"model\":\"opus\"}");
        DeviceA.WriteConfig(StartClaude.Testing.SampleDocuments.WithConfigs("work"));
        var console = Terminal();
        console.Input.PushTextWithEnter("n");                     // no encryption
        console.Input.PushKey(ConsoleKey.DownArrow);              // agents/
        console.Input.PushKey(ConsoleKey.Spacebar);
        for (var i = 0; i < 5; i++)
            console.Input.PushKey(ConsoleKey.DownArrow);          // past commands, skills, output styles, MCP servers, to settings.json: permissions
        console.Input.PushKey(ConsoleKey.Spacebar);
        console.Input.PushKey(ConsoleKey.Enter);

        var result = await ToolRun.RunAsync(DeviceA, new Dictionary<string, string> { ["HOME"] = user }, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);
        var sync = await RunWith(DeviceA, new Dictionary<string, string> { ["HOME"] = user }, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("settings.json: permissions").And.Contain("settings.json: model", "the keys present are offered");
        Document(DeviceA.ReadConfigBytes()).ClaudeChoice.Kinds.Should().BeEquivalentTo("agents", "settings:permissions");
        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("added:   file agents/reviewer.md").And.Contain("added:   Claude setting permissions").And.NotContain("model");
    }

    [Test]
    public async Task Download_on_a_terminal_offers_merge_replace_or_cancel()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));
        await SetUpSyncAsync(DeviceB);
        var console = Terminal();
        console.Input.PushKey(ConsoleKey.Enter);                   // Merge

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, "s3-download");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Merge").And.Contain("Replace").And.Contain("Cancel");
        // The merge lists the remote's configs first, so every device converges on one order.
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work", "laptop");
    }
}
