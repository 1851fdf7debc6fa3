using System.Text.Json.Nodes;
using Minio.DataModel.Args;
using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>s3-history and s3-restore against moto_server checking every signature, bucket versioning on.</summary>
public class HistoryTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    private async Task EnableVersioningAsync()
    {
        var client = Server.Client();
        try
        {
            await client.SetVersioningAsync(new SetVersioningArgs().WithBucket(Bucket).WithVersioningEnabled());
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    private async Task<JsonArray> VersionsAsync(TempHome device, params string[] extra)
    {
        var result = await Run(device, ["s3-history", "--json", .. extra]);
        result.ExitCode.Should().Be(0, result.ToString());
        var json = JsonNode.Parse(result.Output)!.AsObject();
        json["schema"]!.GetValue<int>().Should().Be(1);
        json["command"]!.GetValue<string>().Should().Be("s3-history");
        json["ok"]!.GetValue<bool>().Should().BeTrue();
        return json["versions"]!.AsArray();
    }

    // Three synced edits, from two devices with names of their own.
    private async Task ThreeEditsAsync()
    {
        await EnableVersioningAsync();
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await Run(DeviceA, SetupArgs.For(Server, Bucket, extra: ["--device-name", "laptop"]))).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await Run(DeviceB, SetupArgs.For(Server, Bucket, extra: ["--device-name", "desktop ünï"]))).ExitCode.Should().Be(0);
        (await Run(DeviceB, "add", "home", "--api-key", "sk-ant-api03-home-SECRETSECRET-h0mE")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "edit", "work", "--model", "claude-opus-4")).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task History_lists_Claude_Code_file_changes_and_restore_brings_a_deleted_agent_back()
    {
        await EnableVersioningAsync();
        var user = new Dictionary<string, string> { ["HOME"] = Path.Combine(DeviceA.Folder, "user") };
        var agent = Path.Combine(DeviceA.Folder, "user", ".claude", "agents", "reviewer.md");
        Directory.CreateDirectory(Path.GetDirectoryName(agent)!);
        File.WriteAllText(agent, "Review.\n");
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await RunWith(DeviceA, user, [.. SetupArgs.For(Server, Bucket, extra: ["--claude-files", "agents"])])).ExitCode.Should().Be(0);
        (await RunWith(DeviceA, user, "s3-sync")).ExitCode.Should().Be(0);
        File.Delete(agent);
        (await RunWith(DeviceA, user, "s3-sync")).ExitCode.Should().Be(0);

        var history = await RunWith(DeviceA, user, "s3-history", "--changes");
        var oldest = (await VersionsAsync(DeviceA)).Last()!["versionId"]!.GetValue<string>();
        var restore = await RunWith(DeviceA, user, "s3-restore", oldest, "--yes");

        history.ExitCode.Should().Be(0, history.ToString());
        history.Output.Should().Contain("removed: file agents/reviewer.md").And.Contain("added:   file agents/reviewer.md");
        restore.ExitCode.Should().Be(0, restore.ToString());
        File.ReadAllText(agent).Should().Be("Review.\n");
    }

    [Test]
    public async Task Three_synced_edits_are_listed_newest_first_with_the_device_that_wrote_each()
    {
        await ThreeEditsAsync();

        var versions = await VersionsAsync(DeviceB);

        versions.Select(v => v!["device"]!.GetValue<string>()).Should().Equal("laptop", "desktop ünï", "laptop");
        versions.Select(v => v!["configs"]!.GetValue<int>()).Should().Equal(2, 2, 1);
        versions.Select(v => v!["isLatest"]!.GetValue<bool>()).Should().Equal(true, false, false);
        versions.Select(v => v!["versionId"]!.GetValue<string>()).Should().OnlyHaveUniqueItems().And.NotContain("null");
        versions.Should().AllSatisfy(v => v!["size"]!.GetValue<long>().Should().BePositive());
        versions.Select(v => DateTimeOffset.Parse(v!["lastModified"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInDescendingOrder();
    }

    [Test]
    public async Task Changes_name_what_each_version_added_or_changed_with_secrets_masked()
    {
        await ThreeEditsAsync();

        var result = await Run(DeviceA, "s3-history", "--changes", "--limit", "2");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("changed: work").And.Contain("added:   home (key sk-ant-…h0mE)");
        result.All.Should().NotContain("SECRETSECRET");
        // --limit 2 shows two versions; the third is read only to tell what the second added.
        result.Output.Split('\n').Count(l => l.Contains(" UTC ", StringComparison.Ordinal)).Should().Be(2);
    }

    [Test]
    public async Task Restoring_the_oldest_version_reaches_a_second_home_at_its_next_sync()
    {
        await ThreeEditsAsync();
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        var oldest = (await VersionsAsync(DeviceA))[^1]!["versionId"]!.GetValue<string>();

        var dryRun = await Run(DeviceA, "s3-restore", oldest, "--dry-run");
        var restore = await Run(DeviceA, "s3-restore", oldest, "--yes");
        var sync = await Run(DeviceB, "s3-sync");

        dryRun.ExitCode.Should().Be(0, dryRun.ToString());
        dryRun.Output.Should().Contain("removed: home (key sk-ant-…h0mE)").And.Contain("changed: work").And.Contain("Dry run");
        restore.ExitCode.Should().Be(0, restore.ToString());
        restore.All.Should().NotContain("SECRETSECRET");
        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("Downloaded");
        foreach (var device in new[] { DeviceA, DeviceB })
        {
            var configs = Document(device.ReadConfigBytes()).LiveConfigs;
            configs.Select(c => c.Name).Should().Equal("work");
            configs[0].Model.Should().BeNull("the oldest version is from before the model was set");
        }
        var versions = await VersionsAsync(DeviceB);
        versions.Should().HaveCount(4, "a restore writes a new version; it never deletes one");
        versions[0]!["device"]!.GetValue<string>().Should().Be("laptop");
        versions[0]!["configs"]!.GetValue<int>().Should().Be(1);
        Directory.EnumerateFiles(Path.Combine(DeviceA.Folder, "backups")).Should().NotBeEmpty("config.json is backed up before the restore replaces it");
    }

    [Test]
    public async Task Restore_without_a_terminal_and_without_yes_fails_at_once_naming_yes()
    {
        await ThreeEditsAsync();
        var before = DeviceA.ReadConfigBytes();
        var oldest = (await VersionsAsync(DeviceA))[^1]!["versionId"]!.GetValue<string>();

        var result = await Run(DeviceA, "s3-restore", oldest);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("--yes");
        DeviceA.ReadConfigBytes().Should().Equal(before);
        (await VersionsAsync(DeviceA)).Should().HaveCount(3);
    }

    [Test]
    public async Task Restore_on_a_terminal_asks_and_a_no_changes_nothing()
    {
        await ThreeEditsAsync();
        var before = DeviceA.ReadConfigBytes();
        var oldest = (await VersionsAsync(DeviceA))[^1]!["versionId"]!.GetValue<string>();
        var console = new TestConsole().Interactive();
        console.Profile.Width = 400;
        console.Input.PushTextWithEnter("n");

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-restore", oldest);

        result.ExitCode.Should().Be(0, "a confirmation answered no is not a failure (docs/exit-codes.md): " + result);
        result.Output.Should().Contain("Restore this version?").And.Contain("Nothing restored");
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task An_unknown_version_is_one_clear_error()
    {
        await ThreeEditsAsync();

        var result = await Run(DeviceA, "s3-restore", "no-such-version", "--yes");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().StartWith("error: there is no version 'no-such-version'").And.Contain("s3-history lists them");
    }

    [Test]
    public async Task A_bucket_without_versioning_says_so_and_how_to_turn_it_on()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var result = await Run(DeviceA, "s3-history");
        var json = await Run(DeviceA, "s3-history", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("versioning is off").And.Contain("--enable-versioning").And.Contain("start-claude backups");
        JsonNode.Parse(json.Output)!["versioning"]!.GetValue<string>().Should().Be("off");
    }

    [Test]
    public async Task Enable_versioning_turns_it_on_and_later_writes_are_kept()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var enable = await Run(DeviceA, "s3-history", "--enable-versioning");
        (await Run(DeviceA, "edit", "work", "--model", "m2")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "edit", "work", "--model", "m3")).ExitCode.Should().Be(0);
        var json = await Run(DeviceA, "s3-history", "--json");

        enable.ExitCode.Should().Be(0, enable.ToString());
        enable.Output.Should().Contain("Turned on versioning");
        JsonNode.Parse(json.Output)!["versioning"]!.GetValue<string>().Should().Be("enabled");
        JsonNode.Parse(json.Output)!["versions"]!.AsArray().Count.Should().BeGreaterThanOrEqualTo(3);
    }

    [Test]
    public async Task The_document_from_before_versioning_is_restored_by_its_null_version_not_the_newest()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-history", "--enable-versioning")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "edit", "work", "--model", "after-versioning")).ExitCode.Should().Be(0);

        var changes = await Run(DeviceA, "s3-history", "--changes");
        var restore = await Run(DeviceA, "s3-restore", "null", "--yes");

        changes.ExitCode.Should().Be(0, changes.ToString());
        changes.Output.Should().Contain("changed: work", "the newest version changed work's model against the null version");
        restore.ExitCode.Should().Be(0, restore.ToString());
        restore.Output.Should().NotContain("nothing to restore");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Single().Model.Should().BeNull("the null version is the document from before the edit");
    }

    [Test]
    public async Task Encrypted_versions_open_with_the_passphrase_and_a_plain_one_from_before_still_reads()
    {
        await EnableVersioningAsync();
        var passphrase = new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = "history passphrase" };
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await RunWith(DeviceA, passphrase, [.. SetupArgs.For(Server, Bucket), "--encrypt"])).ExitCode.Should().Be(0);
        (await RunWith(DeviceA, passphrase, "add", "home", "--api-key", "sk-ant-api03-home-SECRETSECRET-h0mE")).ExitCode.Should().Be(0);
        var oldest = (await VersionsAsync(DeviceA))[^1]!["versionId"]!.GetValue<string>();

        var history = await RunWith(DeviceA, passphrase, "s3-history", "--changes");
        var restore = await RunWith(DeviceA, passphrase, "s3-restore", oldest, "--yes");
        var remote = await RemoteBytesAsync();

        history.ExitCode.Should().Be(0, history.ToString());
        history.Output.Should().Contain("added:   home").And.NotContain("cannot read");
        restore.ExitCode.Should().Be(0, restore.ToString());
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work");
        StartClaude.Core.Encryption.DocumentCodec.IsEncrypted(remote).Should().BeTrue("a restore writes in this machine's form, whatever the version's");
        (await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = "wrong" }, "s3-history", "--changes")).Output
            .Should().Contain("cannot read this version");
    }
}
