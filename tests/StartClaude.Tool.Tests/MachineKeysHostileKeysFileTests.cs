using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>A bucket writer without a machine key replaces KEY.keys.age: a joining machine names that object when it refuses.</summary>
public class MachineKeysHostileKeysFileTests : DeviceTestBase
{
    private static readonly Dictionary<string, string> WithPassphrase = new() { ["START_CLAUDE_PASSPHRASE"] = "correct horse battery staple 25" };

    [Test]
    public async Task An_oversized_keys_file_is_refused_naming_it_not_the_document()
    {
        var first = await RunWith(DeviceA, WithPassphrase, SetupArgs.For(Server, Bucket, extra: ["--device-name", "alpha", "--encrypt", "--machine-keys"]));
        first.ExitCode.Should().Be(0, first.ToString());
        (await Run(DeviceA, "add", "gateway", "--api-key", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz1234", "--base-url", "https://gw.example.com")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json.keys.age", new byte[5 * 1024 * 1024]);

        var join = await RunWith(DeviceB, WithPassphrase, SetupArgs.For(Server, Bucket, extra: ["--device-name", "beta", "--encrypt", "--machine-keys"]));

        join.ExitCode.Should().NotBe(0, join.ToString());
        join.Error.TrimEnd().Split('\n').Should().ContainSingle(join.ToString());
        join.Error.Should().StartWith("error: ").And.Contain("start-claude-config.json.keys.age").And.NotContain("the remote document is more than");
    }
}
