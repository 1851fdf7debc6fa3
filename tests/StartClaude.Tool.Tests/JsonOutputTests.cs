using System.Text.Json.Nodes;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>--json: one object on stdout, nothing else there, secrets masked, failures included.</summary>
public class JsonOutputTests : DeviceTestBase
{
    private const string ApiKey = "sk-ant-api03-JSONOUTPUTTEST-secret-Jq0Z";

    private static JsonObject Single(ToolResult result)
    {
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle("stdout holds exactly one JSON object and nothing else:\n" + result);
        return JsonNode.Parse(lines[0])!.AsObject();
    }

    private async Task InStepAsync()
    {
        DeviceA.WriteConfig("{\"configs\":[{\"name\":\"work\",\"apiKey\":\"" + ApiKey + "\"}],\"settings\":{}}");
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task Each_sync_command_prints_one_object_of_the_documented_shape()
    {
        await InStepAsync();
        DeviceA.EditConfig(root => root.AddConfig("laptop"));

        var status = Single(await Run(DeviceA, "s3-status", "--json"));
        var sync = Single(await Run(DeviceA, "s3-sync", "--json"));
        var upload = Single(await Run(DeviceA, "s3-upload", "--json"));
        var download = Single(await Run(DeviceA, "s3-download", "-f", "--json"));

        status["schema"]!.GetValue<int>().Should().Be(1);
        status["command"]!.GetValue<string>().Should().Be("s3-status");
        status["ok"]!.GetValue<bool>().Should().BeTrue();
        status["bucket"]!.GetValue<string>().Should().Be(Bucket);
        status["state"]!.GetValue<string>().Should().Be("local-changes");
        status["localChanges"]!["added"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("laptop");
        status["remote"]!["configs"]!.GetValue<int>().Should().Be(1);
        status["accessKeyId"]!.GetValue<string>().Should().Contain("…");
        sync["outcome"]!.GetValue<string>().Should().Be("uploaded");
        sync["localChanges"]!["added"]!.AsArray().Should().HaveCount(1);
        upload["outcome"]!.GetValue<string>().Should().Be("uploaded");
        upload["configs"]!.GetValue<int>().Should().Be(2);
        download["outcome"]!.GetValue<string>().Should().Be("unchanged");
        download["remoteConfigs"]!.GetValue<int>().Should().Be(2);
    }

    [Test]
    public async Task Status_without_a_remote_document_has_every_key_as_null()
    {
        DeviceA.WriteConfig("{\"configs\":[{\"name\":\"work\",\"apiKey\":\"" + ApiKey + "\"}],\"settings\":{}}");
        await SetUpSyncAsync(DeviceA);

        var status = Single(await Run(DeviceA, "s3-status", "--json"));

        status["state"]!.GetValue<string>().Should().Be("no-remote-document");
        foreach (var key in new[] { "remote", "publiclyReadable", "localChanges", "remoteChanges", "difference" })
        {
            status.ContainsKey(key).Should().BeTrue($"'{key}' is part of the schema even when it has no value");
            status[key].Should().BeNull();
        }
    }

    [Test]
    public async Task Json_never_asks_and_reports_a_failure_as_an_object_too()
    {
        await InStepAsync();
        // B's own "work" with another key: the join's one conflict.
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceB);

        var conflict = await Run(DeviceB, "s3-sync", "--json");

        conflict.ExitCode.Should().Be(3);
        var failure = Single(conflict);
        failure["ok"]!.GetValue<bool>().Should().BeFalse();
        failure["exitCode"]!.GetValue<int>().Should().Be(3);
        failure["error"]!.GetValue<string>().Should().Contain("--prefer");
        conflict.Error.Should().StartWith("error: ");
    }

    [Test]
    public async Task No_secret_appears_in_any_json_object()
    {
        await InStepAsync();
        var results = new List<ToolResult>();
        foreach (var args in new[] { new[] { "s3-status", "--json" }, ["s3-sync", "--json"], ["s3-upload", "--json"], ["s3-download", "-f", "--json"] })
            results.Add(await Run(DeviceA, args));

        foreach (var result in results)
            result.All.Should().NotContain(ApiKey).And.NotContain(Server.SecretAccessKey).And.NotContain(Server.AccessKeyId);
    }
}
