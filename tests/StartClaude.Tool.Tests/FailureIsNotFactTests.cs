using System.Text.Json.Nodes;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Issue 26 item 10: a request that failed is reported as a failure, never as a fact.</summary>
public class FailureIsNotFactTests : DeviceTestBase
{
    [Test]
    public async Task Doctor_reports_an_endpoint_answering_5xx_as_a_problem()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        await using var failing = new RecordingHttpServer(new CannedResponse(500, "Internal Server Error", []));
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = $"http://127.0.0.1:{failing.Port}");

        var result = await Run(DeviceA, "doctor", "--json");

        result.ExitCode.Should().Be(1, result.ToString());
        var endpoint = JsonNode.Parse(result.Output)!["checks"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "endpoint")!;
        endpoint["status"]!.GetValue<string>().Should().Be("problem");
        endpoint["result"]!.GetValue<string>().Should().Contain("answered HTTP 500").And.Contain("failing");
    }

    [Test]
    public async Task A_sync_through_a_dead_HTTP_PROXY_names_that_proxy_and_variable()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        var deadPort = FreePort.Next();
        var variables = new Dictionary<string, string> { ["HTTP_PROXY"] = $"http://proxyuser:proxy-pa55word@127.0.0.1:{deadPort}" };

        var result = await RunWith(DeviceA, variables, "s3-sync");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain($"127.0.0.1:{deadPort} (set by HTTP_PROXY)").And.Contain("unset HTTP_PROXY")
            .And.NotContain("HTTPS_PROXY");
        result.All.Should().NotContain("proxy-pa55word");
    }
}
