using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;
using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Removing a machine from a remote on machine keys replaces the passphrase key (issue 25): the removed machine may
/// know the passphrase. How the new passphrase is given, what is refused before any write, and s3-machines passphrase.
/// </summary>
public class MachineKeysPassphraseReplacementTests : DeviceTestBase
{
    private const string DocumentKey = "start-claude-config.json";
    private const string KeysFile = "start-claude-config.json.keys.age";
    private const string OldPassphrase = "correct horse battery staple 25";
    private const string NewPassphrase = "a new passphrase beta never saw";

    private static readonly Dictionary<string, string> WithOld = new() { ["START_CLAUDE_PASSPHRASE"] = OldPassphrase };
    private static readonly Dictionary<string, string> WithNew = new() { ["START_CLAUDE_PASSPHRASE"] = NewPassphrase };

    private string[] Setup(string name) => SetupArgs.For(Server, Bucket, extra: ["--device-name", name, "--encrypt", "--machine-keys"]);

    // alpha switches over with a config, beta joins with the passphrase.
    private async Task TwoMachinesAsync()
    {
        (await RunWith(DeviceA, WithOld, Setup("alpha"))).ExitCode.Should().Be(0);
        (await Run(DeviceA, "add", "gateway", "--api-key", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz1234", "--base-url", "https://gw.example.com")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await RunWith(DeviceB, WithOld, Setup("beta"))).ExitCode.Should().Be(0);
    }

    private async Task<(string? Document, string? Keys)> ETagsAsync()
    {
        var client = Server.Client();
        try
        {
            return (await ETagAsync(client, DocumentKey), await ETagAsync(client, KeysFile));
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    private async Task<string?> ETagAsync(IMinioClient client, string key)
    {
        try
        {
            return (await client.StatObjectAsync(new StatObjectArgs().WithBucket(Bucket).WithObject(key))).ETag;
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    [Test]
    public async Task The_machines_list_as_json_names_each_machine_and_the_passphrases_key()
    {
        await TwoMachinesAsync();

        var run = await Run(DeviceB, "s3-machines", "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(run.Output)!;
        json["command"]!.GetValue<string>().Should().Be("s3-machines");
        var machines = json["machines"]!.AsArray();
        machines.Select(m => m!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["alpha", "beta", "passphrase"]);
        machines.Single(m => m!["thisMachine"]!.GetValue<bool>())!["name"]!.GetValue<string>().Should().Be("beta");
        machines.Single(m => m!["passphraseKey"]!.GetValue<bool>())!["key"]!.GetValue<string>().Should().StartWith("age1");
        run.Output.Should().NotContain(OldPassphrase);
    }

    [Test]
    public async Task Removing_without_a_terminal_a_new_passphrase_or_the_flag_stops_before_any_write()
    {
        await TwoMachinesAsync();
        var before = await ETagsAsync();

        var removed = await Run(DeviceA, "s3-machines", "remove", "beta");

        removed.OneErrorLine(2);
        removed.Error.Should().Contain("START_CLAUDE_NEW_PASSPHRASE").And.Contain("--no-passphrase").And.Contain("nothing was changed");
        (await ETagsAsync()).Should().Be(before, "neither the document nor KEY.keys.age was written");
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0, "beta is still on the list");
    }

    [Test]
    public async Task On_a_terminal_a_mistyped_name_is_refused_before_a_new_passphrase_is_asked_for()
    {
        await TwoMachinesAsync();
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;

        var removed = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-machines", "remove", "betta");

        removed.OneErrorLine(2);
        removed.Error.Should().Contain("there is no machine named betta");
        removed.Output.Should().NotContain("New passphrase");
    }

    [Test]
    public async Task A_new_passphrase_that_opens_the_keys_file_as_it_is_is_refused_and_nothing_is_written()
    {
        await TwoMachinesAsync();
        var before = await ETagsAsync();

        var removed = await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_NEW_PASSPHRASE"] = OldPassphrase }, "s3-machines", "remove", "beta");

        removed.OneErrorLine(2);
        removed.Error.Should().Contain("opens s3://").And.Contain("choose another").And.NotContain(OldPassphrase);
        (await ETagsAsync()).Should().Be(before);
    }

    [Test]
    public async Task On_a_terminal_the_new_passphrase_is_asked_twice_hidden_and_only_it_joins_a_machine_afterwards()
    {
        await TwoMachinesAsync();
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        console.Input.PushTextWithEnter(NewPassphrase);
        console.Input.PushTextWithEnter("a typo");
        console.Input.PushTextWithEnter(NewPassphrase);
        console.Input.PushTextWithEnter(NewPassphrase);

        var removed = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-machines", "remove", "beta");

        removed.ExitCode.Should().Be(0, removed.ToString());
        removed.Output.Should().Contain("The two passphrases differ").And.Contain("The passphrase key was replaced");
        removed.All.Should().NotContain(NewPassphrase).And.NotContain("a typo");
        using var gamma = new TempHome();
        var old = await RunWith(gamma, WithOld, Setup("gamma"));
        old.OneErrorLine(1);
        old.Error.Should().Contain("the passphrase does not open");
        var joined = await RunWith(gamma, WithNew, Setup("gamma"));
        joined.ExitCode.Should().Be(0, joined.ToString());
        joined.Output.Should().Contain("Machines on the list: alpha, passphrase, gamma").And.NotContain("beta");
        gamma.ReadConfig().Should().Contain("gateway");
    }

    [Test]
    public async Task A_removal_that_stopped_between_its_two_writes_keeps_every_machine_in_and_running_it_again_finishes_it()
    {
        await TwoMachinesAsync();
        // What the first write leaves: KEY.keys.age holds a new key pinned to a list version that never landed.
        var machines = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(DeviceA.Folder, "machines.json")))!;
        var pin = new Core.Machines.PassphraseKeyPin(machines["id"]!.GetValue<string>(), machines["members"]!.AsArray().Count, new string('0', 64));
        var orphan = Core.Machines.PassphraseKey.Seal(Core.Encryption.AgeIdentity.Generate(), NewPassphrase, DateTimeOffset.UtcNow, pin);
        await Server.PutObjectAsync(Bucket, KeysFile, orphan);

        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0, "the document is as it was: every machine on the list opens it");
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        using var gamma = new TempHome();
        (await RunWith(gamma, WithOld, Setup("gamma"))).OneErrorLine(1);
        var half = await RunWith(gamma, WithNew, Setup("gamma"));
        half.OneErrorLine(1);
        half.Error.Should().Contain("is older than the passphrase").And.Contain("did not finish").And.Contain("s3-machines passphrase");

        // The new passphrase typed again: it opens only a key no list names, so it is new.
        var again = await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_NEW_PASSPHRASE"] = NewPassphrase }, "s3-machines", "remove", "beta");

        again.ExitCode.Should().Be(0, again.ToString());
        (await RunWith(gamma, WithNew, Setup("gamma"))).ExitCode.Should().Be(0);
        (await Run(DeviceB, "s3-sync")).OneErrorLine(1);
    }

    [Test]
    public async Task S3_machines_passphrase_changes_the_passphrase_and_keeps_every_machine()
    {
        await TwoMachinesAsync();

        var changed = await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_NEW_PASSPHRASE"] = NewPassphrase }, "s3-machines", "passphrase");

        changed.ExitCode.Should().Be(0, changed.ToString());
        changed.Output.Should().Contain("The passphrase key was replaced");
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0, "beta stays on the list");
        using var gamma = new TempHome();
        (await RunWith(gamma, WithOld, Setup("gamma"))).OneErrorLine(1);
        (await RunWith(gamma, WithNew, Setup("gamma"))).ExitCode.Should().Be(0);
        var listed = await Run(DeviceB, "s3-machines");
        listed.Output.Should().Contain("alpha").And.Contain("beta").And.Contain("gamma");
    }

    [Test]
    public async Task S3_machines_passphrase_remove_drops_the_key_and_a_passphrase_join_is_sent_to_approval()
    {
        await TwoMachinesAsync();
        var oldKeys = (await RemoteBytesAsync(KeysFile))!;

        var dropped = await Run(DeviceA, "s3-machines", "passphrase", "--remove");

        dropped.ExitCode.Should().Be(0, dropped.ToString());
        (await RemoteBytesAsync(KeysFile)).Should().BeNull("KEY.keys.age is deleted");
        (await Run(DeviceB, "s3-sync")).ExitCode.Should().Be(0);
        using var gamma = new TempHome();
        var join = await RunWith(gamma, WithOld, Setup("gamma"));
        join.OneErrorLine(1);
        join.Error.Should().Contain("s3-machines add");

        // The old file back (a put-back, or a drop whose delete never came): it vouches for nothing, and --remove deletes it.
        await Server.PutObjectAsync(Bucket, KeysFile, oldKeys);
        var stale = await RunWith(gamma, WithOld, Setup("gamma"));
        stale.OneErrorLine(1);
        stale.Error.Should().Contain("is older than the passphrase");
        (await Run(DeviceA, "s3-machines", "passphrase", "--remove")).ExitCode.Should().Be(0);
        (await RemoteBytesAsync(KeysFile)).Should().BeNull();
        (await Run(DeviceA, "s3-machines", "passphrase", "--remove")).OneErrorLine(2);
        // With no passphrase key on the list its name stays taken: a machine called so would be replaced as one.
        var key = (await Run(gamma, "s3-machines", "key")).Output.Trim();
        var named = await Run(DeviceA, "s3-machines", "add", "passphrase", "--key", key);
        named.OneErrorLine(2);
        named.Error.Should().Contain("the passphrase key's name");
    }
}
