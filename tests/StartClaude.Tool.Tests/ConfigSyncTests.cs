using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Config changes upload at once, and a start checks the remote at most once per interval (moto_server).</summary>
public class ConfigSyncTests : DeviceTestBase
{
    private const string LabKey = "sk-ant-api03-LABSECRETLABSECRET-7hQe";

    private async Task BothSetUpAsync()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);
    }

    [Test]
    public async Task Add_edit_default_and_remove_upload_at_once()
    {
        await BothSetUpAsync();

        var add = await Run(DeviceA, "add", "lab", "--api-key", LabKey, "--model", "m1");
        add.ExitCode.Should().Be(0, add.ToString());
        add.Output.Should().Contain("Added 'lab'").And.Contain("Uploaded to");
        Document(await RemoteBytesAsync() ?? []).LiveConfigs.Select(c => c.Name).Should().Contain("lab");

        (await Run(DeviceA, "edit", "lab", "--model", "m2")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "default", "lab")).ExitCode.Should().Be(0);
        var remote = Document(await RemoteBytesAsync() ?? []);
        remote.LiveConfigs.Single(c => c.Name == "lab").Model.Should().Be("m2");
        remote.LiveConfigs.Single(c => c.IsDefault).Name.Should().Be("lab");
        remote.S3Sync.Should().BeNull("S3 settings never leave the machine");

        (await Run(DeviceA, "remove", "work", "--yes")).ExitCode.Should().Be(0);
        Document(await RemoteBytesAsync() ?? []).LiveConfigs.Select(c => c.Name).Should().Equal("lab");

        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => $"{c.Name}:{c.Model}").Should().Equal("lab:m2");
    }

    [Test]
    public async Task Changes_on_two_devices_merge_instead_of_overwriting()
    {
        await BothSetUpAsync();

        (await Run(DeviceA, "add", "from-a", "--api-key", "sk-a-1234567890")).ExitCode.Should().Be(0);
        var fromB = await Run(DeviceB, "add", "from-b", "--api-key", "sk-b-1234567890");

        fromB.ExitCode.Should().Be(0, fromB.ToString());
        fromB.Output.Should().Contain("Merged");
        Document(await RemoteBytesAsync() ?? []).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "from-a", "from-b"]);
    }

    [Test]
    public async Task A_failed_upload_keeps_the_local_change_and_says_how_to_retry()
    {
        await BothSetUpAsync();
        var before = await RemoteBytesAsync();
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = $"http://127.0.0.1:{FreePort.Next()}");

        var result = await Run(DeviceA, "add", "lab", "--api-key", LabKey);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Added 'lab'");
        result.Error.Should().Contain("saved here but was not uploaded").And.Contain("start-claude s3-sync");
        result.All.Should().NotContain(LabKey);
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Contain("lab");
        (await RemoteBytesAsync()).Should().Equal(before);
    }

    [Test]
    public async Task Starting_checks_the_remote_at_most_once_per_interval()
    {
        await BothSetUpAsync();
        using var claude = new StandInClaude();
        (await Run(DeviceA, "add", "lab", "--api-key", LabKey, "--model", "m1")).ExitCode.Should().Be(0);

        // Device B has never checked: the start fetches 'lab' first.
        var first = await RunWith(DeviceB, claude.OnPath(), "lab");
        first.ExitCode.Should().Be(0, first.ToString());
        first.Error.Should().Contain("took the newer configs");
        claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m1");

        // Within the interval (60 minutes by default) the next start does not look.
        (await Run(DeviceA, "edit", "lab", "--model", "m2")).ExitCode.Should().Be(0);
        var second = await RunWith(DeviceB, claude.OnPath(), "lab");
        second.ExitCode.Should().Be(0, second.ToString());
        second.Error.Should().BeEmpty();
        claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m1");

        // With remoteConfigCheckIntervalMinutes 0 every start looks.
        DeviceB.EditConfig(root => root["settings"]!["s3Sync"]!["remoteConfigCheckIntervalMinutes"] = 0);
        var third = await RunWith(DeviceB, claude.OnPath(), "lab");
        third.ExitCode.Should().Be(0, third.ToString());
        claude.Variables.Should().Contain("ANTHROPIC_MODEL", "m2");
    }

    [Test]
    public async Task An_unreachable_remote_does_not_stop_a_start()
    {
        await BothSetUpAsync();
        using var claude = new StandInClaude(exitCode: 3);
        DeviceB.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = $"http://127.0.0.1:{FreePort.Next()}");

        var result = await RunWith(DeviceB, claude.OnPath(), "work");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Error.Should().Contain("could not check the remote configs").And.Contain("starting with the local ones");
        claude.Ran.Should().BeTrue();
    }
}
