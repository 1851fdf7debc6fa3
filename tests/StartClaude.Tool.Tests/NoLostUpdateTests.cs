using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Another device writes at the worst moment of a sync (held there by a wire proxy). With conditional
/// writes (moto_server) the upload is refused with 412 and the sync merges again; on a service that
/// ignores them (s3rver) the ETag check just before writing catches it. Either way nothing is lost.
/// </summary>
public class NoLostUpdateTests
{
    private static async Task<ToolResult> SetUp(TempHome device, LoopbackS3Server server, WireProxy proxy, string bucket)
    {
        var args = SetupArgs.For(server, bucket, endpointUrl: proxy.EndpointUrl);
        return await ToolRun.RunAsync(device, null, args);
    }

    private static async Task RaceAsync(LoopbackS3Server server, string holdRequestLine, int occurrence, bool expectConditionalHeaders)
    {
        var bucket = await server.CreateBucketAsync();
        await using var proxy = new WireProxy(server.Port);
        using var a = new TempHome();
        using var b = new TempHome();
        a.WriteConfig(SampleDocuments.WithConfigs("shared"));
        (await SetUp(a, server, proxy, bucket)).ExitCode.Should().Be(0);
        (await ToolRun.RunAsync(a, null, "s3-sync")).ExitCode.Should().Be(0);
        (await SetUp(b, server, proxy, bucket)).ExitCode.Should().Be(0);
        a.EditConfig(root => root.AddConfig("from-a"));
        b.EditConfig(root => root.AddConfig("from-b"));

        ToolResult? other = null;
        proxy.HoldOnce(holdRequestLine.Replace("BUCKET", bucket, StringComparison.Ordinal), occurrence,
            async () => other = await ToolRun.RunAsync(b, null, "s3-sync"));
        var result = await ToolRun.RunAsync(a, null, "s3-sync");

        proxy.HoldFired.Should().BeTrue("the other device must have written in the middle of the sync");
        other!.ExitCode.Should().Be(0, other.ToString());
        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Another device wrote while this sync ran");
        var remote = StartClaude.Core.Documents.ConfigDocument.Parse((await server.ReadObjectAsync(bucket, "start-claude-config.json"))!, "remote");
        remote.LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["shared", "from-a", "from-b"]);
        (await ToolRun.RunAsync(b, null, "s3-sync")).ExitCode.Should().Be(0);
        StartClaude.Core.Documents.ConfigDocument.Parse(b.ReadConfigBytes(), "b").LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["shared", "from-a", "from-b"]);

        var documentPuts = proxy.Requests.Where(r => r.StartsWith($"PUT /{bucket}/start-claude-config.json ", StringComparison.Ordinal)).ToList();
        if (expectConditionalHeaders)
        {
            documentPuts.Should().Contain(r => r.Contains("\r\nIf-None-Match: *", StringComparison.OrdinalIgnoreCase), "creating the document must not overwrite one made meanwhile");
            documentPuts.Should().OnlyContain(r => r.Contains("\r\nIf-Match: \"", StringComparison.OrdinalIgnoreCase) || r.Contains("\r\nIf-None-Match: *", StringComparison.OrdinalIgnoreCase),
                "every upload of a sync is conditional");
        }
    }

    [Test]
    public async Task With_conditional_writes_a_412_makes_the_sync_merge_again()
    {
        var server = await SharedServers.MotoAsync();
        await RaceAsync(server, "PUT /BUCKET/start-claude-config.json HTTP", 1, expectConditionalHeaders: true);
    }

    [Test]
    public async Task Without_conditional_writes_the_check_before_writing_detects_the_race()
    {
        await using var server = await S3rverServer.StartAsync();
        // The sync reads the document (a conditional GET) to compare with the base, then, because this
        // service ignores conditions, stats it just before writing: the other device writes in between.
        await RaceAsync(server, "HEAD /BUCKET/start-claude-config.json HTTP", 1, expectConditionalHeaders: false);
    }
}
