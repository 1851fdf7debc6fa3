using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Who wrote the remote document travels as object metadata on the one PUT that writes it.</summary>
public class WriterMetadataTests : DeviceTestBase
{
    [Test]
    public async Task Each_write_carries_the_device_name_and_config_count_on_its_only_PUT()
    {
        await using var proxy = new WireProxy(Server.Port);
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        var args = SetupArgs.For(Server, Bucket, endpointUrl: proxy.EndpointUrl, extra: ["--device-name", "laptop"]);
        var setup = await Run(DeviceA, args);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "add", "private", "--api-key", "sk-ant-api03-PRIVATEPRIVATE-pr1V", "--local-only")).ExitCode.Should().Be(0);
        DeviceA.EditConfig(root => root.AddConfig("laptop-config"));
        var before = proxy.Requests.Count;

        var sync = await Run(DeviceA, "s3-sync");

        setup.ExitCode.Should().Be(0, setup.ToString());
        setup.Output.Should().Contain("Device name: laptop");
        sync.ExitCode.Should().Be(0, sync.ToString());
        var requests = proxy.Requests.Skip(before).ToList();
        requests.Select(r => r.Split(' ')[0]).Should().Equal(["GET", "PUT"], "the metadata costs no request of its own");
        var put = requests[1].ToLowerInvariant();
        put.Should().Contain("x-amz-meta-start-claude-device: laptop").And.Contain("x-amz-meta-start-claude-configs: 3",
            "three shared configs; the local-only one is not counted");
    }
}
