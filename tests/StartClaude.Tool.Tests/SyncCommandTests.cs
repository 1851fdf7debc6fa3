using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

public class SyncCommandTests : DeviceTestBase
{
    [Test]
    public async Task With_no_remote_document_sync_uploads()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);

        var result = await Run(DeviceA, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Uploaded");
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [Test]
    public async Task With_no_local_configs_sync_downloads()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig("""{"configs":[]}""");
        await SetUpSyncAsync(DeviceB);
        DeviceB.WriteConfig(DeviceB.ReadConfig());

        var result = await Run(DeviceB, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [Test]
    public async Task With_nothing_changed_sync_does_nothing()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var before = DeviceA.ReadConfigBytes();

        var result = await Run(DeviceA, "s3-sync");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("Nothing to do");
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Differing_sides_without_a_terminal_exit_3_naming_prefer_and_change_nothing()
    {
        var (localBefore, remoteBefore) = await TwoDifferingDevicesAsync();

        var result = await Run(DeviceB, "s3-sync");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Error.Should().Contain("--prefer local").And.Contain("--prefer remote").And.Contain("config work").And.NotContain("laptop");
        DeviceB.ReadConfigBytes().Should().Equal(localBefore);
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
    }

    [TestCase("local")]
    [TestCase("remote")]
    public async Task Prefer_decides_only_the_conflicting_config_and_keeps_the_one_sided_ones(string prefer)
    {
        await TwoDifferingDevicesAsync();
        DeviceA.EditConfig(root => root.AddConfig("a-only"));
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var result = await Run(DeviceB, "s3-sync", "--prefer", prefer);
        var catchUp = await Run(DeviceA, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        catchUp.ExitCode.Should().Be(0, catchUp.ToString());
        var expectedKey = prefer == "local" ? "sk-ant-api03-key0-work-BBBBBBBBBBBB" : "sk-ant-api03-key0-work-XXXXXXXXXXXX";
        foreach (var document in new[] { Document(DeviceB.ReadConfigBytes()), Document(DeviceA.ReadConfigBytes()), Document((await RemoteBytesAsync())!) })
        {
            document.LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "a-only", "laptop"]);
            document.LiveConfigs.Single(c => c.Name == "work").ApiKey.Should().Be(expectedKey);
            document.LiveConfigs.Count(c => c.IsDefault).Should().Be(1);
        }
    }

    [Test]
    public async Task A_bad_prefer_value_is_a_usage_error()
    {
        await SetUpSyncAsync(DeviceA);

        var result = await Run(DeviceA, "s3-sync", "--prefer", "both");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--prefer");
    }

    [Test]
    public async Task On_a_terminal_sync_asks_which_side_wins()
    {
        await TwoDifferingDevicesAsync();
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("config work — which version wins?").And.Contain("key sk-ant-…BBBB").And.Contain("key sk-ant-…XXXX");
        var b = Document(DeviceB.ReadConfigBytes());
        b.LiveConfigs.Select(c => c.Name).Should().Equal("work", "laptop");
        b.LiveConfigs[0].ApiKey.Should().EndWith("XXXX", "the remote version was chosen");
    }

    [Test]
    public async Task Cancelling_on_a_terminal_changes_nothing()
    {
        var (localBefore, remoteBefore) = await TwoDifferingDevicesAsync();
        var console = new TestConsole().Interactive();
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, "s3-sync");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("cancelled");
        DeviceB.ReadConfigBytes().Should().Equal(localBefore);
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
    }

    [Test]
    public async Task Two_devices_stay_in_step_through_one_bucket()
    {
        DeviceA.WriteConfig(SampleDocuments.WithUnknownFields);
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);

        DeviceB.WriteConfig(DeviceB.ReadConfig().Replace("claude-sonnet-4-20250514", "claude-opus-4", StringComparison.Ordinal));
        (await Run(DeviceB, "s3-sync", "--prefer", "local")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync", "--prefer", "remote")).ExitCode.Should().Be(0);

        var a = Document(DeviceA.ReadConfigBytes());
        var b = Document(DeviceB.ReadConfigBytes());
        a.SharesContentWith(b).Should().BeTrue();
        a.LiveConfigs.Single().Model.Should().Be("claude-opus-4");
        a.S3Sync.Should().NotBeNull();
        (await Run(DeviceA, "s3-status")).Output.Should().Contain("in sync");
        (await Run(DeviceB, "s3-status")).Output.Should().Contain("in sync");
    }

    private async Task<(byte[] Local, byte[] Remote)> TwoDifferingDevicesAsync()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        // B holds its own "work" (another key) and "laptop", which only B has.
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("work", "laptop").Replace("key0-work-XXXXXXXXXXXX", "key0-work-BBBBBBBBBBBB", StringComparison.Ordinal));
        await SetUpSyncAsync(DeviceB);
        return (DeviceB.ReadConfigBytes(), (await RemoteBytesAsync())!);
    }
}
