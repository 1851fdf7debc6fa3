using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

public class S3StatusCommandTests : DeviceTestBase
{
    [Test]
    public async Task Status_shows_settings_masked_and_the_remote_document()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        var args = SetupArgs.For(Server, Bucket).ToList();
        args[args.IndexOf("--access-key-id") + 1] = "AKIAIOSFODNN7EXAMPLE";
        (await Run(DeviceA, [.. args])).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        var size = (await RemoteBytesAsync())!.Length;

        var result = await Run(DeviceA, "s3-status");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Other S3-compatible service (s3-compatible)")
            .And.Contain(Bucket)
            .And.Contain("start-claude-config.json")
            .And.Contain(Server.EndpointUrl)
            .And.Contain("AKIA…MPLE")
            .And.Contain($"exists, {size} B, last modified {DateTime.UtcNow:yyyy-MM-dd}")
            .And.Contain("in sync");
        result.All.Should().NotContain("AKIAIOSFODNN7EXAMPLE").And.NotContain(Server.SecretAccessKey).And.NotContain("XXXXXXXXXXXX");
    }

    [Test]
    public async Task Status_says_when_there_is_no_remote_document()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);

        var result = await Run(DeviceA, "s3-status");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("no remote document yet").And.Contain("local only");
    }

    [Test]
    public async Task Status_says_which_configs_changed_here_since_the_last_sync()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceA.WriteConfig(DeviceA.ReadConfig().Replace("\"home\"", "\"holiday\"", StringComparison.Ordinal));

        var result = await Run(DeviceA, "s3-status");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("local changes").And.Contain("added:   holiday").And.Contain("removed: home");
    }
}

public class PublicBucketWarningTests : DeviceTestBase
{
    [Test]
    public async Task Status_warns_when_the_document_is_publicly_readable_and_not_otherwise()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        var privateStatus = await Run(DeviceA, "s3-status");

        await Server.MakeObjectPublicAsync(Bucket, "start-claude-config.json");
        var withinADay = await Run(DeviceA, "s3-status");
        // A private answer is trusted for a day (the check is a request of its own): let a day pass.
        var statePath = Path.Combine(DeviceA.Folder, "sync-state.json");
        File.WriteAllText(statePath, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(statePath),
            "(\"publicCheck\":\\s*\\{[^}]*\"at\":\\s*\")[^\"]+", "${1}2000-01-01T00:00:00.0000000+00:00"));
        var publicStatus = await Run(DeviceA, "s3-status");
        var again = await Run(DeviceA, "s3-status");

        privateStatus.Error.Should().NotContain("without credentials");
        publicStatus.ExitCode.Should().Be(0);
        withinADay.Error.Should().NotContain("without credentials");
        publicStatus.Error.Should().Contain("warning: the remote document can be read without credentials");
        again.Error.Should().Contain("without credentials", "a public answer is checked again every time until fixed");
    }
}
