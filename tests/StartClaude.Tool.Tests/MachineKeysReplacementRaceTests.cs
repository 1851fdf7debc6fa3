using Minio.DataModel.Args;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Two machines changing the passphrase key at once, and a keys file a bucket writer removed (issue 25 attack pass):
/// the passphrase a user was told about keeps opening what is current, and nothing claims a check it could not make.
/// </summary>
public class MachineKeysReplacementRaceTests : DeviceTestBase
{
    private const string KeysFile = "start-claude-config.json.keys.age";
    private const string OldPassphrase = "correct horse battery staple 25";
    private const string AlphasPassphrase = "the passphrase alpha chose";
    private const string GammasPassphrase = "the passphrase gamma chose";

    private static Dictionary<string, string> Joining(string passphrase) => new() { ["START_CLAUDE_PASSPHRASE"] = passphrase };

    private static Dictionary<string, string> Replacing(string passphrase) => new() { ["START_CLAUDE_NEW_PASSPHRASE"] = passphrase };

    private string[] Setup(string name, string? endpointUrl = null) =>
        SetupArgs.For(Server, Bucket, endpointUrl: endpointUrl, extra: ["--device-name", name, "--encrypt", "--machine-keys"]);

    private async Task AlphaAndBetaAsync()
    {
        (await RunWith(DeviceA, Joining(OldPassphrase), Setup("alpha"))).ExitCode.Should().Be(0);
        (await Run(DeviceA, "add", "gateway", "--api-key", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz1234", "--base-url", "https://gw.example.com")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await RunWith(DeviceB, Joining(OldPassphrase), Setup("beta"))).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task Two_machines_removing_the_same_machine_at_once_leave_the_winners_passphrase_working()
    {
        await AlphaAndBetaAsync();
        await using var proxy = new WireProxy(Server.Port);
        using var gamma = new TempHome();
        (await RunWith(gamma, Joining(OldPassphrase), Setup("gamma", proxy.EndpointUrl))).ExitCode.Should().Be(0);

        // gamma has read the document; alpha removes beta (both writes) before gamma reads KEY.keys.age.
        ToolResult? alpha = null;
        proxy.HoldOnce($"GET /{Bucket}/{KeysFile} HTTP", 1,
            async () => alpha = await RunWith(DeviceA, Replacing(AlphasPassphrase), "s3-machines", "remove", "beta"));
        var lost = await RunWith(gamma, Replacing(GammasPassphrase), "s3-machines", "remove", "beta");

        proxy.HoldFired.Should().BeTrue();
        alpha!.ExitCode.Should().Be(0, alpha.ToString());
        lost.ExitCode.Should().NotBe(0, lost.ToString());
        lost.Error.TrimEnd().Split('\n').Should().ContainSingle(lost.ToString());
        lost.Error.Should().Contain("there is no machine named beta");
        // alpha was told its passphrase joins a new machine: gamma's lost attempt must not have replaced its key.
        using var delta = new TempHome();
        var joined = await RunWith(delta, Joining(AlphasPassphrase), Setup("delta"));
        joined.ExitCode.Should().Be(0, joined.ToString());
        joined.Output.Should().Contain("Machines on the list: alpha, gamma, passphrase, delta");
    }

    [Test]
    public async Task A_removal_that_cannot_check_the_new_passphrase_against_the_one_in_use_says_so()
    {
        await AlphaAndBetaAsync();
        // beta, about to be removed and keeping the bucket's access key, deletes KEY.keys.age (nothing else notices).
        var client = Server.Client();
        await client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(Bucket).WithObject(KeysFile));
        (client as IDisposable)?.Dispose();

        var removed = await RunWith(DeviceA, Replacing(OldPassphrase), "s3-machines", "remove", "beta");

        removed.ExitCode.Should().Be(0, removed.ToString());
        removed.Output.Should().NotContain("the old one opens nothing current", "with the old passphrase typed again, the old one opens the new key");
        removed.Error.Should().StartWith("warning: ").And.Contain("could not be checked").And.Contain("start-claude s3-machines passphrase")
            .And.NotContain(OldPassphrase);
    }

    [Test]
    public async Task A_keys_file_replaced_by_one_sealed_to_a_key_counts_as_damaged_for_the_check()
    {
        await AlphaAndBetaAsync();
        // Not a passphrase file at all (stock age -r): the old passphrase cannot open it, which proves nothing.
        var stranger = Core.Encryption.AgeIdentity.Generate();
        await Server.PutObjectAsync(Bucket, KeysFile, Core.Encryption.AgeFile.Encrypt("not a key"u8.ToArray(), [stranger.Recipient]));

        var removed = await RunWith(DeviceA, Replacing(OldPassphrase), "s3-machines", "remove", "beta");

        removed.ExitCode.Should().Be(0, removed.ToString());
        removed.Output.Should().NotContain("the old one opens nothing current");
        removed.Error.Should().StartWith("warning: ").And.Contain("missing or damaged");
    }
}
