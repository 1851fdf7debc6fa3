using System.Text.Json.Nodes;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

public class TransferCommandTests : DeviceTestBase
{
    [Test]
    public async Task Upload_sends_the_document_without_s3Sync_and_keeps_unknown_fields()
    {
        DeviceA.WriteConfig(SampleDocuments.WithUnknownFields);
        await SetUpSyncAsync(DeviceA);

        var result = await Run(DeviceA, "s3-upload");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Uploaded 1 config to");
        var remote = await RemoteTextAsync();
        remote.Should().NotContain("s3Sync").And.NotContain(Server.SecretAccessKey).And.NotContain(Server.AccessKeyId);
        JsonNode.DeepEquals(JsonNode.Parse(remote), JsonNode.Parse(SampleDocuments.WithUnknownFields)).Should().BeTrue();
    }

    [Test]
    public async Task Upload_refuses_to_wipe_remote_configs_with_an_empty_local_file_unless_forced()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);
        DeviceB.WriteConfig(DeviceB.ReadConfig().Replace("\"name\": \"work\"", "\"name\": \"work\", \"isDeleted\": true", StringComparison.Ordinal));

        var refused = await Run(DeviceB, "s3-upload");
        var remoteAfterRefusal = Document((await RemoteBytesAsync())!);
        var forced = await Run(DeviceB, "s3-upload", "--force");

        refused.ExitCode.Should().Be(3, refused.ToString());
        refused.Error.Should().Contain("--force");
        remoteAfterRefusal.LiveConfigs.Should().HaveCount(1);
        forced.ExitCode.Should().Be(0);
        Document((await RemoteBytesAsync())!).LiveConfigs.Should().BeEmpty();
    }

    [Test]
    public async Task Download_without_local_configs_replaces_and_keeps_this_machines_s3Sync()
    {
        DeviceB.WriteConfig("""{"configs":[],"settings":{"localOnly":true}}""");
        await SetUpSyncAsync(DeviceB);
        var settingsBefore = Document(DeviceB.ReadConfigBytes()).S3Sync;
        var hostile = SampleDocuments.WithUnknownFields.Replace("\"settings\": {", "\"settings\": { \"s3Sync\": {\"bucket\": \"hostile\"},", StringComparison.Ordinal);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", System.Text.Encoding.UTF8.GetBytes(hostile));

        var result = await Run(DeviceB, "s3-download");

        result.ExitCode.Should().Be(0, result.ToString());
        var local = Document(DeviceB.ReadConfigBytes());
        local.LiveConfigs.Select(c => c.Name).Should().Equal("work");
        local.S3Sync.Should().Be(settingsBefore);
        local.ForRemote().SharesContentWith(Document(System.Text.Encoding.UTF8.GetBytes(SampleDocuments.WithUnknownFields))).Should().BeTrue();
    }

    [Test]
    public async Task Download_over_differing_local_configs_needs_a_decision_without_a_terminal()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));
        await SetUpSyncAsync(DeviceB);
        var before = DeviceB.ReadConfigBytes();

        var result = await Run(DeviceB, "s3-download");

        result.ExitCode.Should().Be(3);
        result.Error.Should().Contain("--merge").And.Contain("--force");
        DeviceB.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Download_force_replaces_and_merge_merges()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));
        await SetUpSyncAsync(DeviceB);

        var merged = await Run(DeviceB, "s3-download", "--merge");
        var mergedNames = Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).ToList();
        var forced = await Run(DeviceB, "s3-download", "-f");

        merged.ExitCode.Should().Be(0, merged.ToString());
        mergedNames.Should().Equal("work", "laptop");   // remote order first, as s3-sync merges
        forced.ExitCode.Should().Be(0, forced.ToString());
        forced.Output.Should().MatchRegex(@"kept as backup \S+ \(undo with: start-claude backups restore \S+\)", "the summary names the backup it made");
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [Test]
    public async Task Download_with_no_remote_document_says_so()
    {
        await SetUpSyncAsync(DeviceA);

        var result = await Run(DeviceA, "s3-download");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("no remote document");
    }

    [Test]
    public async Task A_malformed_remote_document_is_reported_and_never_applied()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", "<html>not json</html>"u8.ToArray());
        var before = DeviceA.ReadConfigBytes();

        foreach (var args in new[] { new[] { "s3-download", "-f" }, ["s3-sync", "--prefer", "remote"], ["s3-status"] })
        {
            var result = await Run(DeviceA, args);
            result.ExitCode.Should().Be(1, string.Join(' ', args) + result);
            result.Error.Should().Contain("the remote document is not valid JSON");
        }
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Commands_before_setup_say_how_to_set_up()
    {
        foreach (var command in new[] { "s3-upload", "s3-download", "s3-sync", "s3-status" })
        {
            var result = await Run(DeviceA, command);
            result.ExitCode.Should().Be(1, command);
            result.Error.Should().Contain("s3-setup", command);
        }
    }
}

public class BackupCommandTests : DeviceTestBase
{
    [Test]
    public async Task A_download_keeps_the_replaced_file_and_restore_brings_it_back()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));
        await SetUpSyncAsync(DeviceB);
        var beforeDownload = DeviceB.ReadConfigBytes();
        (await Run(DeviceB, "s3-download", "-f")).ExitCode.Should().Be(0);

        var list = await Run(DeviceB, "backups");
        var restore = await Run(DeviceB, "backups", "restore", "latest");

        list.ExitCode.Should().Be(0);
        list.Output.Should().Contain("1 config").And.Contain("backups restore");
        restore.ExitCode.Should().Be(0, restore.ToString());
        DeviceB.ReadConfigBytes().Should().Equal(beforeDownload);
        (await Run(DeviceB, "backups", "restore", "nope")).ExitCode.Should().Be(2);
    }

    [Test]
    public async Task Upload_never_overwrites_a_version_this_machine_has_not_seen_unless_forced()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);
        DeviceB.EditConfig(root => root.AddConfig("from-b"));
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        var remoteAfterB = await RemoteBytesAsync();
        DeviceA.EditConfig(root => root.AddConfig("from-a"));

        var refused = await Run(DeviceA, "s3-upload");
        var forced = await Run(DeviceA, "s3-upload", "--force");

        refused.ExitCode.Should().Be(3, refused.ToString());
        refused.Error.Should().Contain("changed since this machine last synced").And.Contain("s3-sync").And.Contain("--force");
        forced.ExitCode.Should().Be(0, forced.ToString());
        remoteAfterB.Should().NotBeNull();
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "from-a"], "--force replaces on purpose");
    }
}
