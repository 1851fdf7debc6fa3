using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Loopback servers that misbehave on purpose: redirectors with a recording sink behind them, a
/// recording proxy reached through HTTP_PROXY, and services answering with huge bodies or lengths.
/// </summary>
// The memory bounds read the process's allocation counter: no other fixture may run meanwhile.
[NonParallelizable]
public class WireSafetyTests : DeviceTestBase
{
    private const string StateFile = "sync-state.json";

    // Set up against moto (which works), then point the device at another endpoint.
    private async Task PointAtAsync(TempHome device, string endpointUrl)
    {
        device.WriteConfig(SampleDocuments.WithConfigs("precious"));
        await SetUpSyncAsync(device);
        (await Run(device, "s3-upload")).ExitCode.Should().Be(0);
        device.EditConfig(root =>
        {
            root.AddConfig("new-one");
            root["settings"]!["s3Sync"]!["endpointUrl"] = endpointUrl;
        });
    }

    private static string? State(TempHome device)
    {
        var path = Path.Combine(device.Folder, StateFile);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    [TestCase(307)]
    [TestCase(302)]
    public async Task A_redirected_upload_is_not_followed_and_nothing_is_recorded(int status)
    {
        await using var sink = new RecordingHttpServer(CannedResponse.Ok);
        await using var redirector = new RecordingHttpServer(request => request.Method == "PUT"
            ? CannedResponse.Redirect(status, $"{sink.EndpointUrl}{request.Target}")
            : CannedResponse.NoSuchKey);
        await PointAtAsync(DeviceA, redirector.EndpointUrl);
        var before = DeviceA.ReadConfigBytes();
        var stateBefore = State(DeviceA);

        var result = await Run(DeviceA, "s3-upload", "--force");

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Error.Should().Contain("redirected the request to " + sink.EndpointUrl).And.Contain("never followed");
        result.Output.Should().NotContain("Uploaded");
        redirector.Requests.Should().Contain(r => r.Method == "PUT");
        sink.Requests.Should().BeEmpty("a redirect is never followed, so the document never reaches the sink");
        DeviceA.ReadConfigBytes().Should().Equal(before);
        State(DeviceA).Should().Be(stateBefore);
    }

    [Test]
    public async Task A_sync_against_a_redirector_changes_nothing_here()
    {
        await using var sink = new RecordingHttpServer(CannedResponse.Ok);
        await using var redirector = new RecordingHttpServer(request => CannedResponse.Redirect(307, $"{sink.EndpointUrl}{request.Target}"));
        await PointAtAsync(DeviceA, redirector.EndpointUrl);
        var before = DeviceA.ReadConfigBytes();

        var result = await Run(DeviceA, "s3-sync");

        result.ExitCode.Should().Be(1, result.ToString());
        sink.Requests.Should().BeEmpty();
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task A_permanent_redirect_names_the_buckets_real_region_and_setup_saves_nothing()
    {
        await using var sink = new RecordingHttpServer(CannedResponse.Ok);
        await using var redirector = new RecordingHttpServer(CannedResponse.Redirect(301, $"{sink.EndpointUrl}/", bucketRegion: "eu-central-1"));
        var args = SetupArgs.For(Server, Bucket, endpointUrl: redirector.EndpointUrl);

        var result = await Run(DeviceA, args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("region eu-central-1").And.Contain("--region eu-central-1");
        sink.Requests.Should().BeEmpty();
        DeviceA.ConfigExists.Should().BeFalse();
    }

    [Test]
    public async Task Requests_go_through_the_proxy_named_by_HTTP_PROXY_with_its_credentials_masked()
    {
        await using var proxy = new RecordingProxy();
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        var env = new Dictionary<string, string> { ["HTTP_PROXY"] = $"http://proxyuser:proxy-pa55word@127.0.0.1:{proxy.Port}" };

        var upload = await RunWith(DeviceA, env, "s3-upload", "--verbose");
        var status = await RunWith(DeviceA, env, "s3-status");

        upload.ExitCode.Should().Be(0, upload.ToString());
        status.ExitCode.Should().Be(0, status.ToString());
        proxy.Requests.Should().Contain(r => r.Method == "PUT" && r.Target.StartsWith($"{Server.EndpointUrl}/{Bucket}/", StringComparison.Ordinal));
        upload.Error.Should().Contain($"through proxy http://").And.Contain($":***@127.0.0.1:{proxy.Port}");
        status.Output.Should().Contain($"127.0.0.1:{proxy.Port}");
        (upload.All + status.All).Should().NotContain("proxy-pa55word");
        (await RemoteTextAsync()).Should().Contain("work");
    }

    [TestCase("127.0.0.1")]
    [TestCase("*")]
    public async Task NO_PROXY_sends_requests_directly(string noProxy)
    {
        await using var proxy = new RecordingProxy();
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        var env = new Dictionary<string, string> { ["http_proxy"] = $"127.0.0.1:{proxy.Port}", ["no_proxy"] = noProxy };

        var upload = await RunWith(DeviceA, env, "s3-upload");

        upload.ExitCode.Should().Be(0, upload.ToString());
        proxy.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task A_300_MB_error_body_is_not_read()
    {
        await using var hostile = new RecordingHttpServer(new CannedResponse(500, "Internal Server Error", [], BodyBytes: 300L * 1024 * 1024));
        await PointAtAsync(DeviceA, hostile.EndpointUrl);
        var before = DeviceA.ReadConfigBytes();

        var (result, allocated) = await MeasureAsync(() => Run(DeviceA, "s3-download", "-f"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("HTTP 500");
        TestContext.Out.WriteLine($"300 MB error body: {allocated / (1024.0 * 1024):0.0} MiB allocated by the command");
        allocated.Should().BeLessThan(48L * 1024 * 1024);
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task A_document_announced_at_5_GiB_is_refused_without_reading_it()
    {
        await using var hostile = new RecordingHttpServer(request => request.Method == "GET"
            ? new CannedResponse(200, "OK", [new("ETag", "\"huge\"")], BodyBytes: 64L * 1024 * 1024, AnnouncedLength: 5L << 30)
            : CannedResponse.NoSuchKey);
        await PointAtAsync(DeviceA, hostile.EndpointUrl);
        var before = DeviceA.ReadConfigBytes();

        var (result, allocated) = await MeasureAsync(() => Run(DeviceA, "s3-download", "-f"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("more than the 4 MiB");
        TestContext.Out.WriteLine($"GET announcing 5 GiB: {allocated / (1024.0 * 1024):0.0} MiB allocated by the command");
        allocated.Should().BeLessThan(48L * 1024 * 1024);
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task A_document_body_without_a_length_stops_at_the_limit()
    {
        // No Content-Length: the body runs until the server closes, 200 MB; only the 4 MiB limit is read.
        await using var hostile = new RecordingHttpServer(request => request.Method == "GET"
            ? new CannedResponse(200, "OK", [new("ETag", "\"huge\"")], BodyBytes: 200L * 1024 * 1024, AnnouncedLength: -1)
            : CannedResponse.NoSuchKey);
        await PointAtAsync(DeviceA, hostile.EndpointUrl);

        var (result, allocated) = await MeasureAsync(() => Run(DeviceA, "s3-download", "-f"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("more than the 4 MiB");
        TestContext.Out.WriteLine($"GET of a 200 MB body: {allocated / (1024.0 * 1024):0.0} MiB allocated by the command");
        allocated.Should().BeLessThan(48L * 1024 * 1024);
    }

    [Test]
    public async Task A_PUT_answered_with_a_5_GiB_length_is_not_read()
    {
        await using var hostile = new RecordingHttpServer(request => request.Method == "PUT"
            ? new CannedResponse(200, "OK", [new("ETag", "\"written\"")], BodyBytes: 64L * 1024 * 1024, AnnouncedLength: 5L << 30)
            : CannedResponse.NoSuchKey);
        await PointAtAsync(DeviceA, hostile.EndpointUrl);

        var (result, allocated) = await MeasureAsync(() => Run(DeviceA, "s3-upload", "--force"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.All.Should().NotContain("ConfigurationLimitExceeded");
        TestContext.Out.WriteLine($"PUT answered with 5 GiB: {allocated / (1024.0 * 1024):0.0} MiB allocated by the command");
        allocated.Should().BeLessThan(48L * 1024 * 1024);
        hostile.Requests.Should().Contain(r => r.Method == "PUT");
    }

    // Bytes the command allocated (all managed memory it could have held at its peak is within this).
    // The counter is the whole test process's: work left over from earlier tests can only add to it, and
    // on a busy machine it did (541 MiB once, never again in the next runs). So the command runs twice
    // and the smaller count stands; a command that reads what it must not reads it both times.
    private static async Task<(ToolResult Result, long Allocated)> MeasureAsync(Func<Task<ToolResult>> run)
    {
        var (result, first) = await MeasureOnceAsync(run);
        var (again, second) = await MeasureOnceAsync(run);
        again.ExitCode.Should().Be(result.ExitCode, $"the same command again ({again})");
        return (result, Math.Min(first, second));
    }

    private static async Task<(ToolResult Result, long Allocated)> MeasureOnceAsync(Func<Task<ToolResult>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await run();
        return (result, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
