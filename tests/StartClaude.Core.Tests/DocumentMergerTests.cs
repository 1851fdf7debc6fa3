using System.Text;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Tests;

public class DocumentMergerTests
{
    private static ConfigDocument Parse(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    [Test]
    public void Merge_keeps_local_configs_adds_remote_ones_and_takes_the_remote_version_of_shared_ones()
    {
        var local = Parse("""{"configs":[{"name":"Work","model":"local-model"},{"name":"home"}],"settings":{"a":1,"b":1}}""")
            .WithS3Sync(new S3SyncSettings("aws-s3", "bkt", "us-east-1", "id", "secret", null, "k"));
        var remote = Parse("""{"configs":[{"name":"work","model":"remote-model"},{"name":"laptop"}],"settings":{"b":2,"c":3,"s3Sync":{"bucket":"other"}}}""");

        var merged = DocumentMerger.MergeRemoteIntoLocal(local, remote);

        merged.LiveConfigs.Select(c => c.Name).Should().Equal("work", "home", "laptop");
        merged.LiveConfigs[0].Model.Should().Be("remote-model");
        var settings = System.Text.Json.Nodes.JsonNode.Parse(merged.ToUtf8Bytes())!["settings"]!;
        ((int)settings["a"]!).Should().Be(1);
        ((int)settings["b"]!).Should().Be(2);
        ((int)settings["c"]!).Should().Be(3);
        merged.S3Sync!.Input.Bucket.Should().Be("bkt");
    }

    [Test]
    public void Configs_are_matched_by_id_before_name()
    {
        var local = Parse("""{"configs":[{"id":"1","name":"renamed-here"},{"id":"2","name":"same-name"}]}""");
        var remote = Parse("""{"configs":[{"id":"1","name":"original"},{"id":"3","name":"same-name"}]}""");

        var merged = DocumentMerger.MergeRemoteIntoLocal(local, remote);

        merged.Configs.Select(c => c.Id).Should().Equal("1", "2", "3");
        merged.Configs[0].Name.Should().Be("original");
    }
}
