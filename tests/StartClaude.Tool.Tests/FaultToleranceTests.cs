using System.Diagnostics;
using Minio.DataModel.Args;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// A fault proxy of the suite's own sits between the tool and moto_server. For each fault the tool
/// either succeeds by retrying or fails cleanly, and the local file is never damaged.
/// </summary>
public class FaultToleranceTests : DeviceTestBase
{
    private WireProxy _proxy = null!;

    private static readonly Dictionary<string, string> ShortTimeout = new() { ["START_CLAUDE_TIMEOUT_SECONDS"] = "2" };

    [SetUp]
    public async Task ConnectThroughTheProxyAsync()
    {
        _proxy = new WireProxy(Server.Port);
        foreach (var device in new[] { DeviceA, DeviceB })
        {
            device.WriteConfig(SampleDocuments.WithConfigs(device == DeviceA ? "work" : "laptop"));
            var args = SetupArgs.For(Server, Bucket, endpointUrl: _proxy.EndpointUrl);
            (await Run(device, args)).ExitCode.Should().Be(0);
        }
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
    }

    [TearDown]
    public async Task StopProxyAsync() => await _proxy.DisposeAsync();

    private string Get => $"GET /{Bucket}/start-claude-config.json HTTP";

    private string Put => $"PUT /{Bucket}/start-claude-config.json HTTP";

    [TestCase(Fault.CloseWithoutAnswer)]
    [TestCase(Fault.Reset)]
    [TestCase(Fault.TruncateBody)]
    [TestCase(Fault.ServerError500)]
    [TestCase(Fault.SlowDown503)]
    public async Task A_transient_fault_on_download_is_retried_and_the_download_succeeds(Fault fault)
    {
        _proxy.Inject(fault, Get, times: 1);

        var result = await RunWith(DeviceB, ShortTimeout, "s3-download", "-f");

        result.ExitCode.Should().Be(0, result.ToString());
        _proxy.FaultsInjected.Should().Be(1);
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [TestCase(Fault.CloseWithoutAnswer, "broke off")]
    [TestCase(Fault.Reset, "broke off")]
    [TestCase(Fault.TruncateBody, "broke off")]
    [TestCase(Fault.ServerError500, "HTTP 500 InternalError")]
    [TestCase(Fault.SlowDown503, "slow down")]
    [TestCase(Fault.WrongChecksum, "does not match the checksum")]
    public async Task A_lasting_fault_on_download_fails_cleanly_and_changes_nothing(Fault fault, string expected)
    {
        var before = DeviceB.ReadConfigBytes();
        _proxy.Inject(fault, Get, times: 100);

        var clock = Stopwatch.StartNew();
        var result = await RunWith(DeviceB, ShortTimeout, "s3-download", "-f");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain(expected).And.Contain(_proxy.EndpointUrl);
        result.Error.Trim().Split('\n').Should().ContainSingle();
        DeviceB.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task A_stalled_answer_times_out_within_the_bound_and_changes_nothing()
    {
        var before = DeviceB.ReadConfigBytes();
        _proxy.Inject(Fault.Stall, Get, times: 100);

        var clock = Stopwatch.StartNew();
        var result = await RunWith(DeviceB, ShortTimeout, "s3-download", "-f");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("did not answer within 2 s");
        DeviceB.ReadConfigBytes().Should().Equal(before);
    }

    [TestCase(Fault.Reset)]
    [TestCase(Fault.ServerError500)]
    [TestCase(Fault.SlowDown503)]
    public async Task A_transient_fault_on_upload_is_retried(Fault fault)
    {
        DeviceA.EditConfig(root => root.AddConfig("added"));
        _proxy.Inject(fault, Put, times: 1);

        var result = await RunWith(DeviceA, ShortTimeout, "s3-upload");

        result.ExitCode.Should().Be(0, result.ToString());
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().Equal("work", "added");
    }

    [Test]
    public async Task Access_denied_is_never_retried()
    {
        var before = DeviceB.ReadConfigBytes();
        _proxy.Inject(Fault.AccessDenied403, Get, times: 100);

        var result = await RunWith(DeviceB, ShortTimeout, "s3-download", "-f");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("access denied");
        _proxy.FaultsInjected.Should().Be(1, "a 403 is an answer, not a transient failure");
        DeviceB.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Uploads_store_a_checksum_that_downloads_verify()
    {
        var client = Server.Client();
        var stat = await client.StatObjectAsync(new StatObjectArgs().WithBucket(Bucket).WithObject("start-claude-config.json"));

        var stored = stat.MetaData.Single(m => m.Key.Contains("start-claude-sha256", StringComparison.OrdinalIgnoreCase)).Value;

        stored.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData((await RemoteBytesAsync())!)));
    }
}
