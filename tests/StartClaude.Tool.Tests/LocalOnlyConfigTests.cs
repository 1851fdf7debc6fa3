using Minio.DataModel.Args;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Local-only configs through sync, download, restore and a second device: never in the bucket, never removed here.</summary>
public class LocalOnlyConfigTests : DeviceTestBase
{
    private const string PrivateKey = "sk-ant-api03-PRIVATEPRIVATE-pr1V";

    private IEnumerable<string> Names(TempHome device) => Document(device.ReadConfigBytes()).LiveConfigs.Select(c => c.Name!);

    private async Task<IEnumerable<string>> RemoteNamesAsync() => Document(await RemoteBytesAsync() ?? throw new AssertionException("no remote document")).LiveConfigs.Select(c => c.Name!);

    private async Task BothDevicesWithAPrivateConfigOnAAsync()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);
        var add = await Run(DeviceA, "add", "mine", "--api-key", PrivateKey, "--local-only");
        add.ExitCode.Should().Be(0, add.ToString());
        add.Output.Should().Contain("local-only");
    }

    private async Task AssertPrivateConfigIntactAsync()
    {
        Names(DeviceA).Should().Contain("mine");
        var mine = Document(DeviceA.ReadConfigBytes()).LiveConfigs.Single(c => c.Name == "mine");
        mine.IsLocalOnly.Should().BeTrue();
        mine.ApiKey.Should().Be(PrivateKey);
        (await RemoteNamesAsync()).Should().NotContain("mine");
        System.Text.Encoding.UTF8.GetString((await RemoteBytesAsync())!).Should().NotContain("PRIVATEPRIVATE");
        Names(DeviceB).Should().NotContain("mine");
    }

    [Test]
    public async Task A_local_only_config_never_leaves_the_machine_through_sync_and_list_marks_it()
    {
        await BothDevicesWithAPrivateConfigOnAAsync();
        DeviceB.EditConfig(root => root.Config("work")["model"] = "from-b");

        var syncB = await Run(DeviceB, "s3-sync");
        var syncA = await Run(DeviceA, "s3-sync");
        var list = await Run(DeviceA, "list");

        syncB.ExitCode.Should().Be(0, syncB.ToString());
        syncA.ExitCode.Should().Be(0, syncA.ToString());
        syncA.Output.Should().Contain("Downloaded");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Single(c => c.Name == "work").Model.Should().Be("from-b");
        await AssertPrivateConfigIntactAsync();
        list.Output.Split('\n').Single(l => l.Contains("mine", StringComparison.Ordinal)).Should().Contain("local-only");
        list.Output.Split('\n').Single(l => l.Contains("work", StringComparison.Ordinal)).Should().Contain("shared");
    }

    [Test]
    public async Task A_shared_config_that_only_shares_a_local_only_configs_id_is_a_conflict_and_is_lost_nowhere()
    {
        await BothDevicesWithAPrivateConfigOnAAsync();
        // B starts from a copy of A's config.json, then shares the private config under a new name and key.
        File.WriteAllBytes(Path.Combine(DeviceB.Folder, "config.json"), DeviceA.ReadConfigBytes());
        (await Run(DeviceB, "edit", "mine", "--rename", "team-key", "--api-key", "sk-ant-api03-NEWTEAMKEY-t3aM", "--no-local-only")).ExitCode.Should().Be(0);
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        var before = DeviceA.ReadConfigBytes();

        var syncA = await Run(DeviceA, "s3-sync");
        var syncB = await Run(DeviceB, "s3-sync");

        syncA.ExitCode.Should().Be(3, syncA.ToString());
        syncA.Error.Should().Contain("'team-key' has the same id as 'mine'").And.NotContain("NEWTEAMKEY");
        DeviceA.ReadConfigBytes().Should().Equal(before, "nothing is written when the sync refuses");
        (await RemoteNamesAsync()).Should().Contain("team-key");
        syncB.ExitCode.Should().Be(0, syncB.ToString());
        Names(DeviceB).Should().Contain("team-key", "no device deletes what another shared");
        await AssertPrivateConfigIntactAsync();
    }

    [Test]
    public async Task A_machine_with_only_local_only_configs_changes_nothing_remote_on_sync()
    {
        await BothDevicesWithAPrivateConfigOnAAsync();
        var before = await RemoteBytesAsync();

        var sync = await Run(DeviceA, "s3-sync");

        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("Nothing to do");
        (await RemoteBytesAsync()).Should().Equal(before);
    }

    [TestCase("--force")]
    [TestCase("--merge")]
    public async Task Download_keeps_local_only_configs(string flag)
    {
        await BothDevicesWithAPrivateConfigOnAAsync();
        DeviceB.EditConfig(root => root.RemoveConfig("home"));
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);

        var download = await Run(DeviceA, "s3-download", flag);

        download.ExitCode.Should().Be(0, download.ToString());
        Names(DeviceA).Should().Contain("mine").And.Contain("work");
        await AssertPrivateConfigIntactAsync();
    }

    [Test]
    public async Task A_plain_download_onto_a_machine_holding_only_local_only_configs_keeps_them()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig("""{"configs":[{"name":"mine","apiKey":"sk-ant-api03-PRIVATEPRIVATE-pr1V","isDefault":true,"localOnly":true}],"settings":{}}""");
        await SetUpSyncAsync(DeviceB);

        var download = await Run(DeviceB, "s3-download");
        var sync = await Run(DeviceB, "s3-sync");

        download.ExitCode.Should().Be(0, download.ToString());
        sync.ExitCode.Should().Be(0, sync.ToString());
        Names(DeviceB).Should().BeEquivalentTo(["work", "mine"]);
        (await RemoteNamesAsync()).Should().Equal("work");
        System.Text.Encoding.UTF8.GetString((await RemoteBytesAsync())!).Should().NotContain("PRIVATEPRIVATE");
    }

    [Test]
    public async Task A_local_only_config_on_a_second_device_stays_there()
    {
        await BothDevicesWithAPrivateConfigOnAAsync();
        (await Run(DeviceB, "add", "b-only", "--api-key", "sk-ant-api03-BONLYBONLY-b0nL", "--local-only")).ExitCode.Should().Be(0);
        (await Run(DeviceB, "add", "shared-from-b", "--api-key", "sk-ant-api03-SHAREDSHARED-sH4r")).ExitCode.Should().Be(0);

        var syncA = await Run(DeviceA, "s3-sync");

        syncA.ExitCode.Should().Be(0, syncA.ToString());
        Names(DeviceA).Should().BeEquivalentTo(["work", "home", "mine", "shared-from-b"]);
        Names(DeviceB).Should().BeEquivalentTo(["work", "home", "b-only", "shared-from-b"]);
        (await RemoteNamesAsync()).Should().BeEquivalentTo(["work", "home", "shared-from-b"]);
        await AssertPrivateConfigIntactAsync();
    }

    [Test]
    public async Task Restore_keeps_local_only_configs()
    {
        var client = Server.Client();
        await client.SetVersioningAsync(new SetVersioningArgs().WithBucket(Bucket).WithVersioningEnabled());
        (client as IDisposable)?.Dispose();
        await BothDevicesWithAPrivateConfigOnAAsync();
        (await Run(DeviceB, "edit", "work", "--model", "later")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var history = await Run(DeviceA, "s3-history", "--json");
        var oldest = System.Text.Json.Nodes.JsonNode.Parse(history.Output)!["versions"]!.AsArray()[^1]!["versionId"]!.GetValue<string>();

        var restore = await Run(DeviceA, "s3-restore", oldest, "--yes");

        restore.ExitCode.Should().Be(0, restore.ToString());
        restore.Output.Should().Contain("Local-only configs stay as they are");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Single(c => c.Name == "work").Model.Should().BeNull();
        await AssertPrivateConfigIntactAsync();
    }

    [Test]
    public async Task A_shared_config_with_the_name_of_a_local_only_one_is_a_conflict_and_nothing_changes()
    {
        await BothDevicesWithAPrivateConfigOnAAsync();
        (await Run(DeviceB, "add", "Mine", "--api-key", "sk-ant-api03-OTHEROTHER-0th3")).ExitCode.Should().Be(0);
        var before = DeviceA.ReadConfigBytes();
        var remoteBefore = await RemoteBytesAsync();

        var sync = await Run(DeviceA, "s3-sync");

        sync.ExitCode.Should().Be(3, sync.ToString());
        sync.Error.Should().Contain("'Mine'").And.Contain("local-only").And.Contain("--rename");
        sync.All.Should().NotContain("PRIVATEPRIVATE").And.NotContain("OTHEROTHER");
        DeviceA.ReadConfigBytes().Should().Equal(before);
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
    }

    [Test]
    public async Task Edit_makes_a_shared_config_local_only_and_shares_it_again()
    {
        await BothDevicesWithAPrivateConfigOnAAsync();

        var makeLocal = await Run(DeviceA, "edit", "home", "--local-only");
        var remoteWhileLocal = await RemoteNamesAsync();
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        var onBWhileLocal = Names(DeviceB).ToList();
        var share = await Run(DeviceA, "edit", "home", "--no-local-only");
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);

        makeLocal.ExitCode.Should().Be(0, makeLocal.ToString());
        makeLocal.Output.Should().Contain("local-only now");
        remoteWhileLocal.Should().NotContain("home");
        onBWhileLocal.Should().NotContain("home");
        Names(DeviceA).Should().Contain("home");
        share.ExitCode.Should().Be(0, share.ToString());
        (await RemoteNamesAsync()).Should().Contain("home");
        Names(DeviceB).Should().Contain("home");
    }

    [Test]
    public async Task A_local_only_default_leaves_the_shared_document_a_default_of_its_own()
    {
        await BothDevicesWithAPrivateConfigOnAAsync();

        (await Run(DeviceA, "default", "mine")).ExitCode.Should().Be(0);
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        var list = await Run(DeviceA, "list");

        Document((await RemoteBytesAsync())!).LiveConfigs.Count(c => c.IsDefault).Should().Be(1);
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Count(c => c.IsDefault).Should().Be(1);
        // The shared document's default mark on 'work' comes back, but 'mine' stays this machine's default.
        string DefaultColumn(string name) => list.Output.Split('\n').Single(l => l.Contains($" {name} ", StringComparison.Ordinal)).Split('│')[6].Trim();
        DefaultColumn("mine").Should().Be("yes");
        DefaultColumn("work").Should().BeEmpty();
        DefaultColumn("home").Should().BeEmpty();
    }

    [Test]
    public async Task An_invalid_local_only_value_is_refused_with_its_place()
    {
        DeviceA.WriteConfig("""{"configs":[{"name":"x","localOnly":"yes"}],"settings":{}}""");

        var result = await Run(DeviceA, "list");

        result.ExitCode.Should().NotBe(0);
        result.Error.Should().Contain("configs[0].localOnly must be true or false");
    }
}
