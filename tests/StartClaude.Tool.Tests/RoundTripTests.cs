using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Requests each command sends, counted on the wire by a loopback proxy in front of moto_server
/// (issue budget: one conditional request when nothing changed, one per download and upload, two
/// for a one-sided sync).
/// </summary>
public class RoundTripTests : DeviceTestBase
{
    private WireProxy _proxy = null!;

    [SetUp]
    public void StartProxy() => _proxy = new WireProxy(Server.Port);

    [TearDown]
    public async Task StopProxy() => await _proxy.DisposeAsync();

    private async Task SetUpThroughProxyAsync(TempHome device)
    {
        var args = SetupArgs.For(Server, Bucket, endpointUrl: _proxy.EndpointUrl);
        var result = await Run(device, args);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    private async Task<(ToolResult Result, List<string> Requests)> CountAsync(TempHome device, params string[] args)
    {
        var before = _proxy.Requests.Count;
        var result = await Run(device, args);
        result.ExitCode.Should().Be(0, result.ToString());
        return (result, _proxy.Requests.Skip(before).Select(r => r.Split('\n')[0].Trim()).ToList());
    }

    private async Task InStepAsync()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        await SetUpThroughProxyAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);   // learns conditional writes once
        (await Run(DeviceA, "s3-status")).ExitCode.Should().Be(0); // the public check, trusted for a day
    }

    [Test]
    public async Task Status_and_sync_with_nothing_changed_send_one_conditional_GET()
    {
        await InStepAsync();

        var status = await CountAsync(DeviceA, "s3-status");
        var sync = await CountAsync(DeviceA, "s3-sync");

        status.Result.Output.Should().Contain("in sync").And.Contain("exists, ").And.Contain(" B, last modified ");
        status.Requests.Should().ContainSingle().Which.Should().StartWith($"GET /{Bucket}/start-claude-config.json");
        sync.Requests.Should().ContainSingle().Which.Should().StartWith($"GET /{Bucket}/start-claude-config.json");
        _proxy.Requests.Last().Should().Contain("If-None-Match", "the GET is conditional on the stored ETag");
    }

    [Test]
    public async Task Download_sends_one_GET_and_upload_one_PUT()
    {
        await InStepAsync();

        var download = await CountAsync(DeviceA, "s3-download", "-f");
        var upload = await CountAsync(DeviceA, "s3-upload");

        download.Requests.Should().ContainSingle().Which.Should().StartWith("GET ");
        upload.Requests.Should().ContainSingle().Which.Should().StartWith("PUT ");
    }

    [Test]
    public async Task A_one_sided_sync_sends_at_most_two_requests()
    {
        await InStepAsync();
        await SetUpThroughProxyAsync(DeviceB);
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);

        DeviceA.EditConfig(root => root.AddConfig("laptop"));
        var localChange = await CountAsync(DeviceA, "s3-sync");
        var remoteChange = await CountAsync(DeviceB, "s3-sync");

        localChange.Result.Output.Should().Contain("Uploaded");
        localChange.Requests.Should().HaveCount(2).And.SatisfyRespectively(
            get => get.Should().StartWith("GET "),
            put => put.Should().StartWith("PUT "));
        remoteChange.Result.Output.Should().Contain("Downloaded");
        remoteChange.Requests.Should().ContainSingle().Which.Should().StartWith("GET ");
    }

    [Test]
    public async Task Where_the_service_ignores_conditions_an_upload_checks_the_ETag_first()
    {
        await using var s3rver = await S3rverServer.StartAsync();
        var bucket = await s3rver.CreateBucketAsync();
        await using var proxy = new WireProxy(s3rver.Port);
        var args = SetupArgs.For(s3rver, bucket, endpointUrl: proxy.EndpointUrl);
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await Run(DeviceA, args)).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);   // learns that conditions are ignored
        var before = proxy.Requests.Count;

        var upload = await Run(DeviceA, "s3-upload");

        upload.ExitCode.Should().Be(0, upload.ToString());
        proxy.Requests.Skip(before).Select(r => r.Split(' ')[0]).Should().Equal("HEAD", "PUT");
    }

    [Test]
    public async Task Where_the_service_ignores_conditions_setups_merge_writes_without_conditional_headers()
    {
        await using var s3rver = await S3rverServer.StartAsync();
        var bucket = await s3rver.CreateBucketAsync();
        await using var proxy = new WireProxy(s3rver.Port);
        var args = SetupArgs.For(s3rver, bucket, endpointUrl: proxy.EndpointUrl);
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await Run(DeviceA, args)).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));
        var console = new TestConsole().Interactive();
        console.Profile.Width = 250;
        console.Input.PushTextWithEnter("");                             // encryption: keep the remote's form
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none
        console.Input.PushKey(ConsoleKey.Enter);                        // merge
        var before = proxy.Requests.Count;

        var setup = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, [.. args]);

        setup.ExitCode.Should().Be(0, setup.ToString());
        var documentPuts = proxy.Requests.Skip(before).Where(r => r.StartsWith($"PUT /{bucket}/start-claude-config.json ", StringComparison.Ordinal)).ToList();
        documentPuts.Should().ContainSingle();
        documentPuts[0].Should().NotContainAny(["If-Match", "if-match", "If-None-Match", "if-none-match"]);
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "laptop"]);
    }
}
