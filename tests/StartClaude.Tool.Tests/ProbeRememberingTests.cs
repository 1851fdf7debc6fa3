using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Only a definite answer (a 412 or 501, or a condition ignored) is remembered about conditional
/// writes; a probe that fails otherwise fails the command and is asked again next time.
/// </summary>
public class ProbeRememberingTests : DeviceTestBase
{
    private WireProxy _proxy = null!;

    [SetUp]
    public async Task ConnectThroughTheProxyAsync()
    {
        _proxy = new WireProxy(Server.Port);
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        var args = SetupArgs.For(Server, Bucket, endpointUrl: _proxy.EndpointUrl);
        (await Run(DeviceA, args)).ExitCode.Should().Be(0);
    }

    [TearDown]
    public async Task StopProxyAsync() => await _proxy.DisposeAsync();

    private string ProbePut => $"PUT /{Bucket}/start-claude-config.json.start-claude-probe HTTP";

    private string State => File.Exists(Path.Combine(DeviceA.Folder, "sync-state.json")) ? File.ReadAllText(Path.Combine(DeviceA.Folder, "sync-state.json")) : "";

    [TestCase(Fault.AccessDenied403, 1)]
    [TestCase(Fault.ServerError500, 3)]                                  // every attempt of the retried request
    public async Task A_probe_that_fails_otherwise_is_not_remembered(Fault fault, int times)
    {
        _proxy.Inject(fault, ProbePut, times);

        var failed = await Run(DeviceA, "s3-upload");

        failed.ExitCode.Should().Be(1, failed.ToString());
        _proxy.FaultsInjected.Should().Be(times);
        failed.Error.Should().Contain("could not probe conditional writes");
        State.Should().NotContain("conditionalWrites");
        (await RemoteBytesAsync()).Should().BeNull("nothing is uploaded before the service is known");

        var next = await Run(DeviceA, "s3-upload");

        next.ExitCode.Should().Be(0, next.ToString());
        State.Should().MatchRegex("\"conditionalWrites\":\\s*true");
    }

    [Test]
    public async Task The_probe_needs_no_delete_and_leaves_one_small_object_beside_the_document()
    {
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);

        _proxy.Requests.Should().NotContain(r => r.StartsWith("DELETE ", StringComparison.Ordinal));
        (await RemoteBytesAsync("start-claude-config.json.start-claude-probe")).Should().Equal("{}"u8.ToArray());
    }
}
