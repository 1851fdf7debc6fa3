using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>A bucket writer without a machine key against a machine joining with the passphrase (issue 25 attack pass).</summary>
public class MachineKeysBucketWriterTests : DeviceTestBase
{
    private const string NewPassphrase = "a new passphrase gamma never saw";

    private static readonly Dictionary<string, string> WithPassphrase = new() { ["START_CLAUDE_PASSPHRASE"] = "correct horse battery staple 25" };

    private static readonly Dictionary<string, string> WithNewPassphrase = new() { ["START_CLAUDE_NEW_PASSPHRASE"] = NewPassphrase };

    [Test]
    public async Task An_oversized_keys_file_is_refused_naming_it_not_the_document()
    {
        await AlphaWithAConfigAsync();
        await Server.PutObjectAsync(Bucket, "start-claude-config.json.keys.age", new byte[5 * 1024 * 1024]);

        var join = await RunWith(DeviceB, WithPassphrase, SetupArgs.For(Server, Bucket, extra: ["--device-name", "beta", "--encrypt", "--machine-keys"]));

        join.ExitCode.Should().NotBe(0, join.ToString());
        join.Error.TrimEnd().Split('\n').Should().ContainSingle(join.ToString());
        join.Error.Should().StartWith("error: ").And.Contain("start-claude-config.json.keys.age").And.NotContain("the remote document is more than");
    }

    [Test]
    public async Task A_machine_joining_with_the_new_passphrase_refuses_the_document_from_before_the_removal()
    {
        using var gamma = new TempHome();
        await AlphaWithAConfigAsync();
        (await RunWith(gamma, WithPassphrase, Setup("gamma"))).ExitCode.Should().Be(0);
        var withGamma = (await Server.ReadObjectWithMetadataAsync(Bucket, "start-claude-config.json"))!.Value;
        var removed = await RunWith(DeviceA, WithNewPassphrase, "s3-machines", "remove", "gamma");
        removed.ExitCode.Should().Be(0, removed.ToString());

        // Whoever kept the bucket's credentials (gamma itself) puts back the version from before its removal.
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", withGamma.Content, withGamma.Metadata);
        var join = await RunWith(DeviceB, new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = NewPassphrase }, Setup("beta"));

        join.OneErrorLine(1).Should().Contain("is older than the passphrase").And.Contain("s3-machines passphrase");
        (await Server.ReadObjectAsync(Bucket, "start-claude-config.json")).Should().Equal(withGamma.Content, "the list in the bucket is unchanged");
    }

    [Test]
    public async Task A_machine_joining_with_the_passphrase_names_the_machines_on_the_list_it_joined()
    {
        // What remains (docs/encryption.md): a bucket writer restores the document and KEY.keys.age from before the removal.
        using var gamma = new TempHome();
        await AlphaWithAConfigAsync();
        (await RunWith(gamma, WithPassphrase, Setup("gamma"))).ExitCode.Should().Be(0);
        var withGamma = (await Server.ReadObjectWithMetadataAsync(Bucket, "start-claude-config.json"))!.Value;
        var oldKeys = (await Server.ReadObjectAsync(Bucket, "start-claude-config.json.keys.age"))!;
        (await RunWith(DeviceA, WithNewPassphrase, "s3-machines", "remove", "gamma")).ExitCode.Should().Be(0);

        await Server.PutObjectAsync(Bucket, "start-claude-config.json", withGamma.Content, withGamma.Metadata);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json.keys.age", oldKeys);
        var join = await RunWith(DeviceB, WithPassphrase, Setup("beta"));

        join.ExitCode.Should().Be(0, join.ToString());
        join.Output.Should().Contain("Machines on the list: alpha, passphrase, gamma, beta");
    }

    private string[] Setup(string name) => SetupArgs.For(Server, Bucket, extra: ["--device-name", name, "--encrypt", "--machine-keys"]);

    // alpha switches the remote over to machine keys and syncs one config there.
    private async Task AlphaWithAConfigAsync()
    {
        var first = await RunWith(DeviceA, WithPassphrase, Setup("alpha"));
        first.ExitCode.Should().Be(0, first.ToString());
        (await Run(DeviceA, "add", "gateway", "--api-key", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz1234", "--base-url", "https://gw.example.com")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
    }
}
