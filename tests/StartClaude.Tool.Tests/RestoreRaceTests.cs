using System.Text.Json.Nodes;
using Minio.DataModel.Args;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Another device writes while a restore is on its way (held there by a wire proxy).</summary>
public class RestoreRaceTests : DeviceTestBase
{
    [Test]
    public async Task A_write_by_another_device_during_a_restore_is_never_overwritten()
    {
        var client = Server.Client();
        await client.SetVersioningAsync(new SetVersioningArgs().WithBucket(Bucket).WithVersioningEnabled());
        (client as IDisposable)?.Dispose();
        await using var proxy = new WireProxy(Server.Port);
        async Task SetUpAsync(TempHome device)
        {
            var args = SetupArgs.For(Server, Bucket, endpointUrl: proxy.EndpointUrl);
            (await Run(device, args)).ExitCode.Should().Be(0);
        }
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpAsync(DeviceB);
        (await Run(DeviceB, "add", "second", "--api-key", "sk-ant-api03-second-XXXXXXXX")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var history = JsonNode.Parse((await Run(DeviceA, "s3-history", "--json")).Output)!["versions"]!.AsArray();
        var oldest = history[^1]!["versionId"]!.GetValue<string>();
        var before = DeviceA.ReadConfigBytes();

        ToolResult? other = null;
        proxy.HoldOnce($"PUT /{Bucket}/start-claude-config.json HTTP", 1,
            async () => other = await Run(DeviceB, "add", "third", "--api-key", "sk-ant-api03-third-XXXXXXXX"));
        var restore = await Run(DeviceA, "s3-restore", oldest, "--yes");

        proxy.HoldFired.Should().BeTrue();
        other!.ExitCode.Should().Be(0, other.ToString());
        restore.ExitCode.Should().Be(1, restore.ToString());
        restore.Error.Should().Contain("another device wrote").And.Contain("nothing was overwritten");
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "second", "third"]);
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }
}
