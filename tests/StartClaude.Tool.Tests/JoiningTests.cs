using System.Text;
using Spectre.Console.Testing;
using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Joining a machine that already has configs (issue 11), whole-process, two and three homes on
/// moto_server in signature-checking mode: nothing dropped, nothing doubled, one default everywhere.
/// </summary>
public class JoiningTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    private const string KeyA = "sk-ant-api03-AAAAAAAAAAAAAAAAAAAA-aaaa";
    private const string KeyB = "sk-ant-api03-BBBBBBBBBBBBBBBBBBBB-bbbb";

    private static string Config(string id, string name, string key, bool isDefault, string model = "claude-sonnet-4") =>
        $$"""{"id":"{{id}}","name":"{{name}}","apiKey":"{{key}}","baseUrl":"https://api.anthropic.com","model":"{{model}}","isDefault":{{(isDefault ? "true" : "false")}}}""";

    private static string Configs(params string[] configs) => "{\"configs\":[" + string.Join(",", configs) + "],\"settings\":{\"overrideClaudeCommand\":false}}";

    private static TestConsole Terminal()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 250;
        return console;
    }

    private static void HoldsTheRules(ConfigDocument document, params string[] names)
    {
        document.LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(names);
        document.LiveConfigs.Select(c => c.Name!.ToUpperInvariant()).Should().OnlyHaveUniqueItems();
        document.LiveConfigs.Count(c => c.IsDefault).Should().Be(1);
    }

    /// <summary>Machine A has shared and Work in the bucket; B has its own shared (another id and key), work and onlyb.</summary>
    private async Task TwoMachinesWithTheirOwnConfigsAsync()
    {
        DeviceA.WriteConfig(Configs(Config("a-shared", "shared", KeyA, true), Config("a-work", "Work", KeyA, false)));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(Configs(Config("b-shared", "shared", KeyB, true), Config("b-work", "work", KeyA, false), Config("b-only", "onlyb", KeyB, false)));
        await SetUpSyncAsync(DeviceB);
    }

    [Test]
    public async Task A_scripted_join_with_prefer_remote_keeps_onlyb_and_doubles_nothing_on_three_machines()
    {
        await TwoMachinesWithTheirOwnConfigsAsync();

        var refused = await Run(DeviceB, "s3-sync");
        var join = await Run(DeviceB, "s3-sync", "--prefer", "remote");
        var catchUp = await Run(DeviceA, "s3-sync");

        refused.ExitCode.Should().Be(3, refused.ToString());
        refused.Error.Should().Contain("config shared").And.Contain("--prefer");
        join.ExitCode.Should().Be(0, join.ToString());
        join.Output.Should().Contain("Changes here:").And.Contain("added:   onlyb").And.NotContain("removed:");
        catchUp.ExitCode.Should().Be(0, catchUp.ToString());
        foreach (var document in new[] { Document(DeviceA.ReadConfigBytes()), Document(DeviceB.ReadConfigBytes()), Document((await RemoteBytesAsync())!) })
        {
            HoldsTheRules(document, "shared", "Work", "onlyb");
            var shared = document.LiveConfigs.Single(c => c.Name == "shared");
            shared.ApiKey.Should().Be(KeyA);
            shared.Id.Should().Be("a-shared", "same-named configs keep the remote's id, so devices match by id from now on");
            shared.IsDefault.Should().BeTrue();
        }
        (await Run(DeviceB, "edit", "shared", "--model", "claude-opus-4")).ExitCode.Should().Be(0);
        (await Run(DeviceB, "edit", "work", "--model", "claude-opus-4")).ExitCode.Should().Be(0);

        // A third machine with a config of its own joins without a question: nothing conflicts.
        using var deviceC = new TempHome();
        deviceC.WriteConfig(Configs(Config("c-only", "onlyc", KeyB, true)));
        (await Run(deviceC, SetupArgs.For(Server, Bucket))).ExitCode.Should().Be(0);
        var third = await Run(deviceC, "s3-sync");
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        third.ExitCode.Should().Be(0, third.ToString());
        foreach (var document in new[] { Document(DeviceA.ReadConfigBytes()), Document(deviceC.ReadConfigBytes()), Document((await RemoteBytesAsync())!) })
        {
            HoldsTheRules(document, "shared", "Work", "onlyb", "onlyc");
            document.LiveConfigs.Single(c => c.IsDefault).Name.Should().Be("shared", "joining keeps the default the other devices use");
        }
    }

    [Test]
    public async Task Prefer_local_on_a_join_keeps_the_remote_only_configs_too()
    {
        await TwoMachinesWithTheirOwnConfigsAsync();
        DeviceA.EditConfig(root => root.AddConfig("onlya"));
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var join = await Run(DeviceB, "s3-sync", "--prefer", "local");

        join.ExitCode.Should().Be(0, join.ToString());
        var remote = Document((await RemoteBytesAsync())!);
        HoldsTheRules(remote, "shared", "work", "onlyb", "onlya");
        remote.LiveConfigs.Single(c => c.Name == "shared").ApiKey.Should().Be(KeyB);
    }

    [Test]
    public async Task The_wizards_merge_is_the_same_merge_through_its_prompts()
    {
        await TwoMachinesWithTheirOwnConfigsAsync();
        // B's setup again, on a terminal: the remote exists, both sides differ.
        var console = Terminal();
        console.Input.PushTextWithEnter("");                             // encryption: Enter keeps the remote's form (plain)
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none
        console.Input.PushKey(ConsoleKey.Enter);                        // Merge
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);                        // config shared: the remote one
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);                        // config work (only the case differs): the remote one

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("config shared — which version wins?").And.Contain("config work — which version wins?").And.Contain("Merged both sides: 3 configs");
        result.All.Should().NotContain(KeyA).And.NotContain(KeyB);
        foreach (var document in new[] { Document(DeviceB.ReadConfigBytes()), Document((await RemoteBytesAsync())!) })
            HoldsTheRules(document, "shared", "Work", "onlyb");
        var list = await Run(DeviceB, "list");
        list.Output.Split('\n').Count(line => line.Contains("shared", StringComparison.Ordinal)).Should().Be(1, list.Output);
        var edit = await Run(DeviceB, "edit", "shared", "--model", "x");
        edit.ExitCode.Should().Be(0, edit.ToString());
        edit.Output.Should().Contain("Uploaded", "an edit is synced at once");
        (await Run(DeviceB, "s3-status")).Output.Should().Contain("in sync");
    }

    [Test]
    public async Task A_remote_only_change_is_taken_by_a_plain_download()
    {
        DeviceA.WriteConfig(Configs(Config("a1", "work", KeyA, true)));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);
        (await Run(DeviceA, "edit", "work", "--model", "claude-opus-4")).ExitCode.Should().Be(0);

        var status = await Run(DeviceB, "s3-status");
        var download = await Run(DeviceB, "s3-download");

        status.Output.Should().Contain("remote changes");
        download.ExitCode.Should().Be(0, download.ToString());
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Single().Model.Should().Be("claude-opus-4");
        (await Run(DeviceB, "s3-status")).Output.Should().Contain("in sync");
    }

    [TestCase("{}")]
    [TestCase("""{"configs":[],"settings":{}}""")]
    public async Task An_emptied_remote_is_not_applied_without_a_decision(string emptied)
    {
        DeviceA.WriteConfig(Configs(Config("a1", "work", KeyA, true), Config("a2", "home", KeyA, false)));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", Encoding.UTF8.GetBytes(emptied));
        var before = DeviceA.ReadConfigBytes();

        var sync = await Run(DeviceA, "s3-sync");
        var download = await Run(DeviceA, "s3-download");

        sync.ExitCode.Should().Be(3, sync.ToString());
        sync.Error.Should().Contain("--prefer remote").And.Contain("s3-download -f");
        download.ExitCode.Should().Be(3, download.ToString());
        download.Error.Should().Contain("-f");
        DeviceA.ReadConfigBytes().Should().Equal(before);

        var restore = await Run(DeviceA, "s3-sync", "--prefer", "local");
        restore.ExitCode.Should().Be(0, restore.ToString());
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "home"]);

        await Server.PutObjectAsync(Bucket, "start-claude-config.json", Encoding.UTF8.GetBytes(emptied));
        var accept = await Run(DeviceA, "s3-sync", "--prefer", "remote");
        accept.ExitCode.Should().Be(0, accept.ToString());
        Document(DeviceA.ReadConfigBytes()).HasLiveConfigs.Should().BeFalse();
    }

    [Test]
    public async Task A_remote_with_case_twins_and_two_defaults_is_repaired_with_one_warning()
    {
        await SetUpSyncAsync(DeviceB);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", Encoding.UTF8.GetBytes(
            Configs(Config("1", "Work", KeyA, true), Config("2", "WORK", KeyA, true, "other"), Config("3", "home", KeyA, true))));

        var sync = await Run(DeviceB, "s3-sync");

        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Error.Split('\n').Count(l => l.StartsWith("warning:", StringComparison.Ordinal)).Should().Be(1, sync.Error);
        sync.Error.Should().Contain("renamed 'WORK' to 'WORK (2)'").And.Contain("only default");
        foreach (var document in new[] { Document(DeviceB.ReadConfigBytes()), Document((await RemoteBytesAsync())!) })
            HoldsTheRules(document, "Work", "WORK (2)", "home");
        (await Run(DeviceB, "edit", "work", "--model", "x")).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task A_damaged_sync_state_costs_the_base_with_a_warning_never_an_internal_error()
    {
        DeviceA.WriteConfig(Configs(Config("a1", "work", KeyA, true)));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var statePath = Path.Combine(DeviceA.Folder, "sync-state.json");
        // Whatever the file's whitespace (compact since issue 22, indented before).
        File.WriteAllText(statePath, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(statePath), "\"hash\":\\s*\"", "\"hash\": 1, \"was\": \""));

        var status = await Run(DeviceA, "s3-status");
        var sync = await Run(DeviceA, "s3-sync");

        status.ExitCode.Should().Be(0, status.ToString());
        status.Error.Should().Contain("sync-state.json is damaged").And.NotContain("internal error");
        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Error.Should().NotContain("internal error");
        (await Run(DeviceA, "s3-status")).Output.Should().Contain("in sync");
    }

    [Test]
    public async Task Joining_a_plain_remote_keeps_it_plain_when_Enter_is_pressed()
    {
        DeviceA.WriteConfig(Configs(Config("a1", "work", KeyA, true)));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var console = Terminal();
        console.Input.PushTextWithEnter("");                             // encryption: the default follows the remote (plain)
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);

        result.ExitCode.Should().Be(0, result.ToString());
        var output = result.Output;
        output.IndexOf("Found a remote document", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("Encrypt it?", StringComparison.Ordinal), "setup says what is there first");
        output.Should().Contain("plain JSON").And.Contain("every other device");
        Encoding.UTF8.GetString((await RemoteBytesAsync())!).Should().StartWith("{");
        Document(DeviceB.ReadConfigBytes()).S3Sync!.Encrypt.Should().BeFalse();
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0, "the other device still reads the document");
    }
}
