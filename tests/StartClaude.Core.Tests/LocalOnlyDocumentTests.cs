using System.Text;
using StartClaude.Abstractions;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests;

/// <summary>The two points where local-only configs are handled: leaving the machine, and coming back from a remote.</summary>
public class LocalOnlyDocumentTests
{
    private static ConfigDocument Parse(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    private static readonly S3SyncSettings Settings = new("aws-s3", "bkt", "us-east-1", "id", "secret", null, "k");

    private static ConfigDocument Local() => Parse("""
        {"configs":[
          {"id":"1","name":"work","isDefault":false},
          {"id":"2","name":"mine","apiKey":"sk-ant-api03-PRIVATE-pr1V","isDefault":true,"localOnly":true},
          {"id":"3","name":"home"}
        ],"settings":{"a":1}}
        """).WithS3Sync(Settings);

    [Test]
    public void The_remote_form_leaves_local_only_configs_out_and_keeps_one_default()
    {
        var remote = Local().ForRemote();

        remote.Configs.Select(c => c.Name).Should().Equal("work", "home");
        remote.Configs.Count(c => c.IsDefault).Should().Be(1);
        remote.Configs[0].IsDefault.Should().BeTrue("the first shared config stands in for a local-only default");
        Encoding.UTF8.GetString(remote.ToUtf8Bytes()).Should().NotContain("PRIVATE").And.NotContain("s3Sync");
    }

    [Test]
    public void Local_only_configs_count_for_neither_the_shared_hash_nor_having_configs()
    {
        var withoutPrivate = Parse("""{"configs":[{"id":"1","name":"work","isDefault":true},{"id":"3","name":"home"}],"settings":{"a":1}}""");
        var onlyPrivate = Parse("""{"configs":[{"name":"mine","localOnly":true}],"settings":{}}""");

        Local().SharesContentWith(withoutPrivate).Should().BeTrue();
        onlyPrivate.HasLiveConfigs.Should().BeFalse();
        onlyPrivate.LiveConfigs.Should().HaveCount(1);
    }

    [Test]
    public void A_remote_document_made_local_keeps_the_local_only_configs_unchanged()
    {
        var remote = Parse("""{"configs":[{"id":"1","name":"work","model":"new","isDefault":true},{"id":"9","name":"laptop"}],"settings":{"a":2}}""");

        var applied = remote.WithSyncSettingsOf(Local());

        applied.Configs.Select(c => c.Name).Should().Equal("work", "laptop", "mine");
        applied.Configs.Single(c => c.Name == "mine").Node.ToJsonString().Should().Be(Local().Configs[1].Node.ToJsonString());
        applied.S3Sync!.Input.Bucket.Should().Be("bkt");
        ConfigBook.Default(applied)!.Name.Should().Be("mine", "this machine's local-only default stays its default");
    }

    [Test]
    public void A_local_only_config_in_a_remote_document_is_not_taken()
    {
        var remote = Parse("""{"configs":[{"name":"work","isDefault":true},{"name":"sneaky","localOnly":true}],"settings":{}}""");

        remote.WithSyncSettingsOf(Local()).Configs.Select(c => c.Name).Should().NotContain("sneaky");
    }

    [Test]
    public void A_shared_config_with_a_local_only_ones_name_is_a_conflict()
    {
        var remote = Parse("""{"configs":[{"id":"7","name":"MINE","isDefault":true}],"settings":{}}""");

        var act = () => remote.WithSyncSettingsOf(Local());

        act.Should().Throw<SyncConflictException>().WithMessage("*'MINE'*local-only*--rename*").And.Message.Should().NotContain("PRIVATE");
    }

    [Test]
    public void A_shared_config_with_only_a_local_only_ones_id_is_a_conflict_never_dropped()
    {
        // Another machine started from a copy of this config.json, shared "mine" under a new name and key.
        var remote = Parse("""{"configs":[{"id":"1","name":"work","isDefault":true},{"id":"2","name":"team-key","apiKey":"sk-ant-api03-NEWTEAMKEY-t3aM"}],"settings":{}}""");

        var act = () => remote.WithSyncSettingsOf(Local());

        act.Should().Throw<SyncConflictException>().WithMessage("*'team-key'*same id*'mine'*local-only*")
            .And.Message.Should().NotContain("NEWTEAMKEY").And.NotContain("PRIVATE");
    }

    [Test]
    public void The_download_merge_keeps_local_only_configs_and_the_shared_copy_of_one_yields_to_it()
    {
        var remote = Parse("""{"configs":[{"id":"1","name":"work","model":"remote"},{"id":"2","name":"mine","apiKey":"sk-ant-api03-SHAREDCOPY-sh4r"},{"id":"4","name":"laptop"}],"settings":{}}""");

        // The download merge is the planner's (s3-download --merge), with no base: both sides' own configs kept.
        var inputs = new SyncInputs(Local(), new RemoteSnapshot(remote, new RemoteObjectInfo(100, null, "\"e\""), Downloaded: true), null, true);
        var merged = Planning.Decide(inputs, new SyncRequest.Download(DownloadMode.Merge)).Should().BeOfType<SyncDecision.Done>().Which.Plan.Result;
        var replaced = remote.WithSyncSettingsOf(Local());

        merged.Configs.Select(c => c.Name).Should().BeEquivalentTo("work", "home", "laptop", "mine");
        merged.Configs.Single(c => c.Name == "work").Model.Should().Be("remote", "the remote wins where both hold a config");
        merged.Configs.Single(c => c.Name == "mine").ApiKey.Should().Be("sk-ant-api03-PRIVATE-pr1V");
        replaced.Configs.Select(c => c.Name).Should().Equal("work", "laptop", "mine");
        replaced.Configs.Single(c => c.Name == "mine").IsLocalOnly.Should().BeTrue();
    }

    [Test]
    public void The_device_name_is_kept_in_s3Sync_and_never_leaves_the_machine()
    {
        var named = Local().WithDeviceName("  laptop  ");

        named.DeviceName.Should().Be("laptop");
        named.WithS3Sync(Settings).DeviceName.Should().Be("laptop", "re-running setup keeps it");
        Encoding.UTF8.GetString(named.ForRemote().ToUtf8Bytes()).Should().NotContain("laptop");
    }
}
