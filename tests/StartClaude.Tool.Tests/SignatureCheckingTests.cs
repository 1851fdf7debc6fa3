using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Against moto_server verifying every SigV4 signature (INITIAL_NO_AUTH_ACTION_COUNT).</summary>
public class SignatureCheckingTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    [Test]
    public async Task The_right_credentials_work_end_to_end()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);

        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        var result = await Run(DeviceB, SetupArgs.For(Server, Bucket));

        result.ExitCode.Should().Be(0, result.ToString());
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [Test]
    public async Task A_wrong_secret_is_named_as_such_and_nothing_is_saved()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        var before = DeviceA.ReadConfigBytes();
        const string wrongSecret = "WRONG-secret-key-0123456789abcdefghijklm";

        var result = await Run(DeviceA, SetupArgs.For(Server, Bucket, secret: wrongSecret));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("secret access key is wrong");
        result.All.Should().NotContain(wrongSecret);
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task An_unknown_access_key_is_named_as_such()
    {
        var args = SetupArgs.For(Server, Bucket).ToList();
        args[args.IndexOf("--access-key-id") + 1] = "AKIAUNKNOWNKEY000000";

        var result = await Run(DeviceA, [.. args]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("does not know access key").And.Contain("AKIA…0000");
        DeviceA.ConfigExists.Should().BeFalse();
    }

    [Test]
    public async Task A_secret_changed_after_setup_fails_every_command_cleanly()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        var text = DeviceA.ReadConfig().Replace(Server.SecretAccessKey, "WRONGWRONGWRONGWRONGWRONGWRONG0123456789", StringComparison.Ordinal);
        DeviceA.WriteConfig(text);
        var before = DeviceA.ReadConfigBytes();

        foreach (var command in new[] { "s3-upload", "s3-download", "s3-sync", "s3-status" })
        {
            var result = await Run(DeviceA, command);
            result.ExitCode.Should().Be(1, $"{command}: {result}");
            result.Error.Should().Contain("secret access key is wrong", command);
        }
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }
}
