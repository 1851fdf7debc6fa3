using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>s3-sync against the last agreed base, two homes as two devices (DESIGN.md's table).</summary>
public class ThreeWaySyncTests : DeviceTestBase
{
    private async Task BothDevicesInStepAsync(params string[] names)
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs(names));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);
    }

    private IEnumerable<string> Names(TempHome device) => Document(device.ReadConfigBytes()).LiveConfigs.Select(c => c.Name!);

    private IEnumerable<string> Models(TempHome device) => Document(device.ReadConfigBytes()).LiveConfigs.Select(c => $"{c.Name}:{c.Model}");

    [Test]
    public async Task A_config_nested_as_deep_as_a_document_may_be_syncs_and_its_base_is_kept()
    {
        // The base sits three levels down in sync-state.json, so it is deeper there than in config.json.
        System.Text.Json.Nodes.JsonNode deep = "leaf";
        for (var i = 0; i < 60; i++)
            deep = new System.Text.Json.Nodes.JsonObject { ["x"] = deep };
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        DeviceA.EditConfig(root => root.Config("work")["extra"] = deep);
        await SetUpSyncAsync(DeviceA);

        var first = await Run(DeviceA, "s3-sync");
        var second = await Run(DeviceA, "s3-sync");

        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        second.Output.Should().Contain("Nothing to do", "the base was kept");
    }

    [Test]
    public async Task Nothing_changed_means_no_transfer_and_no_question()
    {
        await BothDevicesInStepAsync("work", "home");
        var before = DeviceB.ReadConfigBytes();

        var result = await Run(DeviceB, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Nothing to do");
        DeviceB.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task A_change_on_one_device_only_wins_without_a_question()
    {
        await BothDevicesInStepAsync("work", "home");
        DeviceA.EditConfig(root => root.Config("work")["model"] = "claude-opus-4");

        var upload = await Run(DeviceA, "s3-sync");
        var download = await Run(DeviceB, "s3-sync");

        upload.ExitCode.Should().Be(0, upload.ToString());
        upload.Output.Should().Contain("Uploaded").And.Contain("only this machine changed").And.Contain("changed: work");
        download.ExitCode.Should().Be(0, download.ToString());
        download.Output.Should().Contain("Downloaded").And.Contain("only the remote document changed");
        Models(DeviceB).Should().Contain("work:claude-opus-4");
    }

    [Test]
    public async Task Changes_to_different_configs_on_both_devices_merge()
    {
        await BothDevicesInStepAsync("work", "home");
        DeviceA.EditConfig(root => root.AddConfig("from-a"));
        DeviceB.EditConfig(root => { root.AddConfig("from-b"); root.Config("home")["model"] = "edited-on-b"; });
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var merge = await Run(DeviceB, "s3-sync");
        var catchUp = await Run(DeviceA, "s3-sync");

        merge.ExitCode.Should().Be(0, merge.ToString());
        merge.Output.Should().Contain("Merged both sides");
        catchUp.ExitCode.Should().Be(0, catchUp.ToString());
        Names(DeviceA).Should().BeEquivalentTo(["work", "home", "from-a", "from-b"]);
        Document(DeviceA.ReadConfigBytes()).SharesContentWith(Document(DeviceB.ReadConfigBytes())).Should().BeTrue();
        Models(DeviceA).Should().Contain("home:edited-on-b");
    }

    [Test]
    public async Task A_delete_on_one_device_deletes_it_everywhere()
    {
        await BothDevicesInStepAsync("work", "home");
        DeviceA.EditConfig(root => root.RemoveConfig("home"));

        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var result = await Run(DeviceB, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        Names(DeviceB).Should().Equal("work");
        Names(DeviceA).Should().Equal("work");
    }

    [Test]
    public async Task A_delete_on_one_device_and_an_edit_on_the_other_is_a_conflict_and_nothing_is_written()
    {
        await BothDevicesInStepAsync("work", "home");
        DeviceA.EditConfig(root => root.RemoveConfig("home"));
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceB.EditConfig(root => root.Config("home")["model"] = "edited");
        var localBefore = DeviceB.ReadConfigBytes();
        var remoteBefore = await RemoteBytesAsync();
        var stateBefore = File.ReadAllBytes(Path.Combine(DeviceB.Folder, "sync-state.json"));

        var result = await Run(DeviceB, "s3-sync");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Error.Should().Contain("config home").And.Contain("--prefer").And.Contain("remote deleted");
        DeviceB.ReadConfigBytes().Should().Equal(localBefore);
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
        File.ReadAllBytes(Path.Combine(DeviceB.Folder, "sync-state.json")).Should().Equal(stateBefore);
    }

    [Test]
    public async Task The_same_config_edited_on_both_devices_is_decided_by_prefer()
    {
        await BothDevicesInStepAsync("work", "home");
        DeviceA.EditConfig(root => root.Config("work")["model"] = "from-a");
        DeviceB.EditConfig(root => { root.Config("work")["model"] = "from-b"; root.AddConfig("b-only"); });
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var refused = await Run(DeviceB, "s3-sync");
        var decided = await Run(DeviceB, "s3-sync", "--prefer", "remote");

        refused.ExitCode.Should().Be(3);
        refused.Error.Should().Contain("config work").And.Contain("from-b").And.Contain("from-a");
        decided.ExitCode.Should().Be(0, decided.ToString());
        decided.Output.Should().Contain("took the remote version", "the summary says which side won");
        Models(DeviceB).Should().Contain(["work:from-a", "b-only:claude-sonnet-4"]);
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().Contain("b-only");
    }

    [Test]
    public async Task On_a_terminal_each_conflict_is_asked_with_both_versions_masked()
    {
        await BothDevicesInStepAsync("work", "home");
        DeviceA.EditConfig(root => { root.Config("work")["model"] = "from-a"; root.Config("home")["model"] = "from-a"; });
        DeviceB.EditConfig(root => { root.Config("work")["model"] = "from-b"; root.Config("home")["model"] = "from-b"; });
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        console.Input.PushKey(ConsoleKey.Enter);                                 // work: this machine's
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);                                 // home: the remote one

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("config work — which version wins?").And.Contain("key sk-ant-…XXXX");
        result.Output.Should().NotContain("sk-ant-api03-key0");
        Models(DeviceB).Should().Contain(["work:from-b", "home:from-a"]);
    }

    [Test]
    public async Task Dry_run_prints_the_plan_and_changes_nothing()
    {
        await BothDevicesInStepAsync("work");
        DeviceB.EditConfig(root => root.AddConfig("planned"));
        var localBefore = DeviceB.ReadConfigBytes();
        var remoteBefore = await RemoteBytesAsync();
        var stateBefore = File.ReadAllBytes(Path.Combine(DeviceB.Folder, "sync-state.json"));

        var result = await Run(DeviceB, "s3-sync", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Dry run").And.Contain("Would upload").And.Contain("added:   planned");
        DeviceB.ReadConfigBytes().Should().Equal(localBefore);
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
        File.ReadAllBytes(Path.Combine(DeviceB.Folder, "sync-state.json")).Should().Equal(stateBefore);
    }

    [Test]
    public async Task Status_tells_which_side_changed()
    {
        await BothDevicesInStepAsync("work", "home");
        (await Run(DeviceB, "s3-status")).Output.Should().Contain("State:          in sync");

        DeviceB.EditConfig(root => root.AddConfig("b-new"));
        (await Run(DeviceB, "s3-status")).Output.Should().Contain("local changes").And.Contain("added:   b-new");

        DeviceA.EditConfig(root => root.RemoveConfig("home"));
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var both = await Run(DeviceB, "s3-status");
        both.Output.Should().Contain("both changed").And.Contain("removed: home").And.Contain("added:   b-new");

        (await Run(DeviceA, "s3-status")).Output.Should().Contain("in sync");
    }

    [Test]
    public async Task Status_and_sync_answer_from_the_ETag_without_downloading_when_nothing_changed()
    {
        await BothDevicesInStepAsync("work");
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        await using var proxy = new WireProxy(Server.Port);
        DeviceB.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = proxy.EndpointUrl);
        // The endpoint is part of the remote's identity: make the base known under the new one.
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        (await Run(DeviceB, "s3-status")).ExitCode.Should().Be(0);  // its public check is then trusted for a day
        var before = proxy.Requests.Count;

        var status = await Run(DeviceB, "s3-status");
        var sync = await Run(DeviceB, "s3-sync");

        status.Output.Should().Contain("in sync");
        sync.Output.Should().Contain("Nothing to do");
        // Each asks once, conditionally on the stored ETag, and the answer is 304 (no body to download).
        proxy.Requests.Skip(before).Should().HaveCount(2).And.OnlyContain(r =>
            r.StartsWith("GET /" + Bucket + "/start-claude-config.json", StringComparison.Ordinal) && r.Contains("If-None-Match", StringComparison.OrdinalIgnoreCase));
    }
}
