using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// A PUT the server applied whose answer never arrived (the connection reset, or the client timed
/// out) is recognised by what the object now holds: a write of our own that landed is a success.
/// </summary>
public class LandedWriteTests : DeviceTestBase
{
    private WireProxy _proxy = null!;

    private static readonly Dictionary<string, string> ShortTimeout = new() { ["START_CLAUDE_TIMEOUT_SECONDS"] = "2" };

    [SetUp]
    public async Task ConnectThroughTheProxyAsync()
    {
        _proxy = new WireProxy(Server.Port);
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        var args = SetupArgs.For(Server, Bucket, endpointUrl: _proxy.EndpointUrl);
        (await Run(DeviceA, args)).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceA.EditConfig(root => root.AddConfig("added"));
    }

    [TearDown]
    public async Task StopProxyAsync() => await _proxy.DisposeAsync();

    private string Put => $"PUT /{Bucket}/start-claude-config.json HTTP";

    [TestCase("s3-upload")]
    [TestCase("s3-sync")]
    public async Task A_reset_right_after_the_PUT_landed_is_our_own_write_and_a_success(string command)
    {
        _proxy.Inject(Fault.ResetAfterLanding, Put, times: 1);

        var result = await RunWith(DeviceA, ShortTimeout, command);

        result.ExitCode.Should().Be(0, result.ToString());
        _proxy.FaultsInjected.Should().Be(1);
        result.All.Should().NotContain("changed since");
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo("work", "added");
        var status = await Run(DeviceA, "s3-status");
        status.Output.Should().Contain("in sync", status.ToString());
    }

    [Test]
    public async Task A_PUT_applied_after_the_client_timed_out_is_our_own_write_and_a_success()
    {
        _proxy.Inject(Fault.StallAfterLanding, Put, times: 1);

        var result = await RunWith(DeviceA, ShortTimeout, "s3-upload");

        result.ExitCode.Should().Be(0, result.ToString());
        _proxy.FaultsInjected.Should().Be(1);
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo("work", "added");
        (await Run(DeviceA, "s3-status")).Output.Should().Contain("in sync");
    }

    [Test]
    public async Task Another_devices_write_after_a_reset_is_still_reported_as_a_change()
    {
        // The reset hides our answer and another device's document replaces ours before the read-back.
        _proxy.Inject(Fault.ResetAfterLanding, Put, times: 1);
        _proxy.HoldOnce($"HEAD /{Bucket}/start-claude-config.json HTTP", 1, () =>
            Server.PutObjectAsync(Bucket, "start-claude-config.json", System.Text.Encoding.UTF8.GetBytes(SampleDocuments.WithConfigs("foreign"))));

        var result = await RunWith(DeviceA, ShortTimeout, "s3-upload");

        result.ExitCode.Should().NotBe(0, result.ToString());
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().Equal("foreign");
    }
}
