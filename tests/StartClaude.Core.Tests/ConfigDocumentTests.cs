using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

public class ConfigDocumentTests
{
    private static readonly S3SyncSettings Settings = new("s3-compatible", "my-bucket", "us-east-1", "AKIAEXAMPLEKEY123456", "secret/With+Chars", "http://127.0.0.1:9000", "start-claude-config.json");

    private static ConfigDocument Parse(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    [Test]
    public void Round_trip_keeps_every_field_this_version_does_not_know()
    {
        var original = JsonNode.Parse(SampleDocuments.WithUnknownFields)!;

        var written = Parse(SampleDocuments.WithUnknownFields).ToUtf8Bytes();

        JsonNode.DeepEquals(JsonNode.Parse(written), original).Should().BeTrue();
    }

    [Test]
    public void Setting_and_stripping_s3Sync_keeps_every_unknown_field()
    {
        var original = JsonNode.Parse(SampleDocuments.WithUnknownFields)!;

        var remote = Parse(SampleDocuments.WithUnknownFields).WithS3Sync(Settings).ForRemote();

        JsonNode.DeepEquals(JsonNode.Parse(remote.ToUtf8Bytes()), original).Should().BeTrue();
    }

    [Test]
    public void ForRemote_removes_only_the_s3Sync_settings()
    {
        var local = Parse(SampleDocuments.WithUnknownFields).WithS3Sync(Settings);

        var remoteText = Encoding.UTF8.GetString(local.ForRemote().ToUtf8Bytes());

        remoteText.Should().NotContain("s3Sync").And.NotContain(Settings.SecretAccessKey).And.NotContain(Settings.AccessKeyId);
        remoteText.Should().Contain("futureSetting").And.Contain("balanceMode");
        local.S3Sync.Should().NotBeNull("the local document itself is not changed");
    }

    [Test]
    public void WithS3Sync_keeps_fields_of_s3Sync_it_does_not_know()
    {
        var doc = Parse("""{"configs":[],"settings":{"s3Sync":{"bucket":"old","remoteConfigCheckIntervalMinutes":15}}}""");

        var updated = doc.WithS3Sync(Settings);

        var sync = JsonNode.Parse(updated.ToUtf8Bytes())!["settings"]!["s3Sync"]!;
        sync["remoteConfigCheckIntervalMinutes"]!.GetValue<int>().Should().Be(15);
        sync["bucket"]!.GetValue<string>().Should().Be("my-bucket");
        sync["provider"]!.GetValue<string>().Should().Be("s3-compatible");
    }

    [Test]
    public void A_downloaded_document_keeps_this_machines_s3Sync_whatever_the_remote_says()
    {
        var local = Parse(SampleDocuments.WithConfigs("a")).WithS3Sync(Settings);
        var remote = Parse("""{"configs":[{"name":"b"}],"settings":{"s3Sync":{"bucket":"evil"},"x":1}}""");

        var applied = remote.WithSyncSettingsOf(local);

        applied.S3Sync!.Input.Bucket.Should().Be("my-bucket");
        applied.LiveConfigs.Select(c => c.Name).Should().Equal("b");
        JsonNode.Parse(applied.ToUtf8Bytes())!["settings"]!["x"]!.GetValue<int>().Should().Be(1);
    }

    [Test]
    public void Content_comparison_ignores_key_order_and_s3Sync()
    {
        var a = Parse("""{"configs":[{"name":"a","model":"m"}],"settings":{"p":1,"q":2}}""").WithS3Sync(Settings);
        var b = Parse("""{"settings":{"q":2,"p":1},"configs":[{"model":"m","name":"a"}]}""");

        a.SharesContentWith(b).Should().BeTrue();
        a.SharedContentHash().Should().Be(b.SharedContentHash());
        Parse("""{"configs":[{"name":"a","model":"other"}],"settings":{"p":1,"q":2}}""").SharesContentWith(b).Should().BeFalse();
    }

    [Test]
    public void Tombstones_are_not_live_configs()
    {
        var doc = Parse(SampleDocuments.WithUnknownFields);

        doc.Configs.Should().HaveCount(2);
        doc.LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [Test]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(SampleDocuments.WithConfigs("a"))).ToArray();

        ConfigDocument.Parse(bytes, "test").LiveConfigs.Should().HaveCount(1);
    }

    [TestCase("", "not valid JSON")]
    [TestCase("{\"configs\": [", "not valid JSON")]
    [TestCase("{\"configs\": []}}", "not valid JSON")]
    [TestCase("[]", "top level must be a JSON object")]
    [TestCase("\"text\"", "top level must be a JSON object")]
    [TestCase("{\"configs\": {}}", "\"configs\" must be a list")]
    [TestCase("{\"configs\": [1]}", "configs[0] must be an object")]
    [TestCase("{\"configs\": [{\"name\": 5}]}", "configs[0].name must be a string")]
    [TestCase("{\"settings\": []}", "\"settings\" must be an object")]
    [TestCase("{\"settings\": {\"s3Sync\": \"x\"}}", "\"settings.s3Sync\" must be an object")]
    [TestCase("{\"version\": \"3\"}", "\"version\" must be a number")]
    [TestCase("{\"configs\": [], \"configs\": []}", "not valid JSON")]
    public void Malformed_documents_are_refused_with_a_clear_reason(string json, string reason)
    {
        var act = () => Parse(json);

        act.Should().Throw<DocumentFormatException>().Which.Message.Should().Contain(reason).And.StartWith("test");
    }

    [Test]
    public void A_syntax_error_names_its_line()
    {
        var act = () => Parse("{\n  \"configs\": [\n    {\"name\": \"a\",}\n  ]\n}");

        act.Should().Throw<DocumentFormatException>().WithMessage("*line 3*");
    }

    [Test]
    public void Invalid_utf8_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"configs\":[{\"name\":\"x\"}]}");
        bytes[20] = 0xFF;

        var act = () => ConfigDocument.Parse(bytes, "test");

        act.Should().Throw<DocumentFormatException>();
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = "{\"x\":" + string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "}";

        var act = () => Parse(deep);

        act.Should().Throw<DocumentFormatException>();
    }

    [Test]
    public void A_document_over_the_size_limit_is_refused_before_parsing()
    {
        var huge = new byte[ConfigDocument.MaxBytes + 1];

        var act = () => ConfigDocument.Parse(huge, "test");

        act.Should().Throw<DocumentFormatException>().WithMessage("*MiB*");
    }

    private static ConfigDocument Wide(int configs, int fields)
    {
        var list = new JsonArray();
        for (var i = 0; i < configs; i++)
        {
            var config = new JsonObject { ["id"] = $"c{i}", ["name"] = $"c{i}", ["isDefault"] = i == 0 };
            for (var f = 0; f < fields; f++)
                config[$"f{f}"] = "v";
            list.Add(config);
        }
        return ConfigDocument.FromRoot(new JsonObject { ["configs"] = list, ["settings"] = new JsonObject() });
    }

    [Test]
    public void A_document_too_large_to_indent_is_written_compact_and_reads_back()
    {
        // Issue 22: setup once rewrote a 3.6 MB config.json indented to 4.2 MB, which the next command refused to read.
        var document = Wide(12_000, 20);

        var bytes = document.ToUtf8Bytes();

        bytes.Length.Should().BeLessThanOrEqualTo(ConfigDocument.MaxBytes);
        Encoding.UTF8.GetString(bytes).Should().NotContain("\n  ", "indented it would be more than 4 MiB");
        ConfigDocument.Parse(bytes, "test").CanonicalJson().Should().Be(document.CanonicalJson());
    }

    [Test]
    public void A_document_too_large_even_compact_is_refused_before_anything_is_written()
    {
        var act = () => Wide(25_000, 20).ToUtf8Bytes();

        act.Should().Throw<DocumentFormatException>().WithMessage("*nothing was written*");
    }
}
