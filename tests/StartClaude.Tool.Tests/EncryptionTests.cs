using System.Text;
using Spectre.Console.Testing;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>The remote document encrypted in the age format, against moto_server and the real age command.</summary>
public class EncryptionTests : DeviceTestBase
{
    private const string Passphrase = "correct horse battery staple";
    private const string ApiKey = "sk-ant-api03-ENCRYPTIONTEST-apikey-Q7xZ";
    private static readonly Dictionary<string, string> WithPassphrase = new() { ["START_CLAUDE_PASSPHRASE"] = Passphrase };

    private static string Configs(params string[] names) =>
        "{\"configs\":[" + string.Join(",", names.Select(n => "{\"name\":\"" + n + "\",\"apiKey\":\"" + ApiKey + "\",\"model\":\"m-" + n + "\"}")) + "],\"settings\":{}}";

    private Task<ToolResult> Encrypted(TempHome device, params string[] args) => RunWith(device, WithPassphrase, args);

    private async Task EncryptedSetupAsync(TempHome device, params string[] extra)
    {
        var result = await Encrypted(device, [.. SetupArgs.For(Server, Bucket), "--encrypt", .. extra]);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    private async Task<byte[]> RawRemoteAsync() => (await RemoteBytesAsync())!;

    private static IEnumerable<string> Names(TempHome device) => Document(device.ReadConfigBytes()).LiveConfigs.Select(c => c.Name!);

    [Test]
    public async Task With_encryption_on_the_bucket_holds_only_an_age_file()
    {
        DeviceA.WriteConfig(Configs("work", "home"));
        await EncryptedSetupAsync(DeviceA);

        var sync = await Encrypted(DeviceA, "s3-sync");

        sync.ExitCode.Should().Be(0, sync.ToString());
        var raw = await RawRemoteAsync();
        Encoding.ASCII.GetString(raw, 0, 22).Should().Be("age-encryption.org/v1\n");
        var text = Encoding.Latin1.GetString(raw);
        text.Should().NotContain(ApiKey).And.NotContain("m-work").And.NotContain("work").And.NotContain(Server.SecretAccessKey);
        (await Encrypted(DeviceA, "s3-status")).Output.Should().Contain("Encryption:     on");
    }

    [Test]
    public async Task A_second_device_with_the_passphrase_gets_the_configs_and_sync_merges_through_ciphertext()
    {
        DeviceA.WriteConfig(Configs("work"));
        await EncryptedSetupAsync(DeviceA);
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        await EncryptedSetupAsync(DeviceB);
        Names(DeviceB).Should().Equal("work");

        DeviceA.EditConfig(root => root.AddConfig("from-a"));
        DeviceB.EditConfig(root => root.AddConfig("from-b"));
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var merge = await Encrypted(DeviceB, "s3-sync");
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        merge.ExitCode.Should().Be(0, merge.ToString());
        merge.Output.Should().Contain("Merged");
        Names(DeviceA).Should().BeEquivalentTo(["work", "from-a", "from-b"]);
        Names(DeviceB).Should().BeEquivalentTo(["work", "from-a", "from-b"]);
    }

    [Test]
    public async Task Nothing_changed_is_known_from_the_ETag_without_decrypting_or_re_uploading()
    {
        DeviceA.WriteConfig(Configs("work"));
        await EncryptedSetupAsync(DeviceA);
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var before = await RawRemoteAsync();

        // No passphrase anywhere and no terminal: only possible if nothing needs decrypting.
        var status = await Run(DeviceA, "s3-status");
        var sync = await Run(DeviceA, "s3-sync");

        status.ExitCode.Should().Be(0, status.ToString());
        status.Output.Should().Contain("in sync");
        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("Nothing to do");
        (await RawRemoteAsync()).Should().Equal(before, "a new nonce must not make an unchanged document look changed");
    }

    [Test]
    public async Task A_wrong_passphrase_is_one_clear_error_and_changes_nothing()
    {
        DeviceA.WriteConfig(Configs("work"));
        await EncryptedSetupAsync(DeviceA);
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(Configs("laptop"));
        var before = DeviceB.ReadConfigBytes();
        var wrong = new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = "not the passphrase" };

        var setup = await RunWith(DeviceB, wrong, [.. SetupArgs.For(Server, Bucket), "--encrypt"]);

        setup.ExitCode.Should().Be(1, setup.ToString());
        setup.Error.Trim().Should().StartWith("error: the passphrase does not open the remote document").And.EndWith("nothing was changed");
        DeviceB.ReadConfigBytes().Should().Equal(before);

        DeviceA.EditConfig(root => root.AddConfig("later"));
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var localBefore = DeviceA.ReadConfigBytes();
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", await RawRemoteAsync());
        var download = await RunWith(DeviceA, wrong, "s3-download", "-f");
        download.ExitCode.Should().Be(1);
        download.Error.Should().Contain("passphrase does not open");
        DeviceA.ReadConfigBytes().Should().Equal(localBefore);
    }

    [TestCase("truncated")]
    [TestCase("header MAC")]
    [TestCase("payload byte")]
    [TestCase("last byte")]
    public async Task A_damaged_ciphertext_is_refused_and_the_local_file_is_untouched(string damage)
    {
        DeviceA.WriteConfig(Configs("work"));
        await EncryptedSetupAsync(DeviceA);
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        var raw = await RawRemoteAsync();
        var headerEnd = Encoding.Latin1.GetString(raw).IndexOf("\n---", StringComparison.Ordinal);
        var damaged = damage switch
        {
            "truncated" => raw[..^20],
            "header MAC" => Flip(raw, headerEnd + 8),
            "payload byte" => Flip(raw, raw.Length - 30),
            _ => Flip(raw, raw.Length - 1),
        };
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", damaged);
        var before = DeviceA.ReadConfigBytes();

        var download = await Encrypted(DeviceA, "s3-download", "-f");
        var sync = await Encrypted(DeviceA, "s3-sync");

        download.ExitCode.Should().Be(1, download.ToString());
        download.Error.Should().StartWith("error: the remote document is encrypted but cannot be decrypted").And.Contain("nothing was changed");
        sync.ExitCode.Should().Be(1, sync.ToString());
        DeviceA.ReadConfigBytes().Should().Equal(before);
        (await RawRemoteAsync()).Should().Equal(damaged, "nothing overwrites a document it could not read");
    }

    private static byte[] Flip(byte[] data, int index)
    {
        var copy = data.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }

    [Test]
    public async Task A_remote_in_the_other_form_is_recognised_and_nothing_is_overwritten()
    {
        DeviceA.WriteConfig(Configs("work"));
        await EncryptedSetupAsync(DeviceA);
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        // Setup without a flag or a terminal keeps an encrypted remote encrypted, so it needs the passphrase.
        var noFlag = await Run(DeviceB, SetupArgs.For(Server, Bucket));
        noFlag.ExitCode.Should().Be(2, noFlag.ToString());
        noFlag.Error.Should().Contain("START_CLAUDE_PASSPHRASE");
        DeviceB.ConfigExists.Should().BeFalse("nothing was written");

        // Device B set up before encryption was turned on sees an age file where it expects JSON.
        using var plainDevice = new TempHome();
        plainDevice.WriteConfig(Configs("plain"));
        plainDevice.WriteConfig(DeviceA.ReadConfig().Replace("\"encrypt\": true", "\"encrypt\": false", StringComparison.Ordinal));
        var before = await RawRemoteAsync();
        var readsEncrypted = await Run(plainDevice, "s3-sync");
        readsEncrypted.ExitCode.Should().Be(1, readsEncrypted.ToString());
        readsEncrypted.Error.Should().Contain("encrypted (age), but encryption is off on this machine").And.Contain("s3-setup --encrypt");

        // Turning encryption off on A re-uploads plain JSON; a device that still encrypts is told.
        var off = await Encrypted(DeviceA, [.. SetupArgs.For(Server, Bucket), "--no-encrypt"]);
        off.ExitCode.Should().Be(0, off.ToString());
        off.Output.Should().Contain("Re-uploaded the remote document as plain JSON");
        Encoding.UTF8.GetString(await RawRemoteAsync()).Should().StartWith("{");
        var encryptingDevice = new TempHome();
        encryptingDevice.WriteConfig(DeviceA.ReadConfig().Replace("\"encrypt\": false", "\"encrypt\": true", StringComparison.Ordinal));
        var plainRemote = await RawRemoteAsync();
        before.Should().NotEqual(plainRemote);
        var readsPlain = await Encrypted(encryptingDevice, "s3-sync");
        readsPlain.ExitCode.Should().Be(1, readsPlain.ToString());
        readsPlain.Error.Should().Contain("plain JSON, but encryption is on here");
        (await RawRemoteAsync()).Should().Equal(plainRemote);
        encryptingDevice.Dispose();
    }

    [Test]
    public async Task Turning_encryption_on_re_uploads_the_document_encrypted()
    {
        DeviceA.WriteConfig(Configs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        Encoding.UTF8.GetString(await RawRemoteAsync()).Should().Contain(ApiKey);

        var on = await Encrypted(DeviceA, [.. SetupArgs.For(Server, Bucket), "--encrypt", "--remember-passphrase"]);

        on.ExitCode.Should().Be(0, on.ToString());
        on.Output.Should().Contain("Re-uploaded the remote document encrypted");
        on.All.Should().NotContain(Passphrase);
        Encoding.Latin1.GetString(await RawRemoteAsync()).Should().StartWith("age-encryption.org/v1").And.NotContain(ApiKey);
        Document(DeviceA.ReadConfigBytes()).S3Sync!.RememberedPassphrase.Should().Be(Passphrase);
        // Remembered: later commands need neither the variable nor a terminal.
        DeviceA.EditConfig(root => root.AddConfig("after"));
        var sync = await Run(DeviceA, "s3-sync");
        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("Uploaded");
    }

    [Test]
    public async Task Without_a_passphrase_or_a_terminal_the_variable_is_named()
    {
        DeviceA.WriteConfig(Configs("work"));

        var setup = await Run(DeviceA, [.. SetupArgs.For(Server, Bucket), "--encrypt"]);

        setup.ExitCode.Should().Be(2, setup.ToString());
        setup.Error.Should().Contain("START_CLAUDE_PASSPHRASE");
        Document(DeviceA.ReadConfigBytes()).S3Sync.Should().BeNull("nothing was written");
    }

    [Test]
    public async Task In_the_wizard_a_wrong_passphrase_is_asked_again()
    {
        DeviceA.WriteConfig(Configs("work"));
        await EncryptedSetupAsync(DeviceA);
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(Configs("laptop"));
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        console.Input.PushTextWithEnter("");                 // keep it encrypted
        console.Input.PushTextWithEnter("not the passphrase");
        console.Input.PushTextWithEnter(Passphrase);         // asked again
        console.Input.PushTextWithEnter("");                 // remember: no
        console.Input.PushKey(ConsoleKey.Enter);              // Claude Code files: none
        console.Input.PushKey(ConsoleKey.Enter);              // merge

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("That passphrase does not open the remote document; try again.");
        Names(DeviceB).Should().BeEquivalentTo("work", "laptop");
        result.All.Should().NotContain(Passphrase).And.NotContain("not the passphrase");
    }

    [Test]
    public async Task The_wizard_offers_encryption_and_asks_a_new_passphrase_twice()
    {
        DeviceA.WriteConfig(Configs("work"));
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        console.Input.PushTextWithEnter("");                 // encrypt: yes is the default
        console.Input.PushTextWithEnter(Passphrase);
        console.Input.PushTextWithEnter(Passphrase);
        console.Input.PushTextWithEnter("");                 // remember: no is the default
        console.Input.PushKey(ConsoleKey.Enter);              // Claude Code files: none

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Encrypt the document").And.Contain("The same passphrase again").And.Contain("Encryption:  on");
        result.All.Should().NotContain(Passphrase);
        var saved = Document(DeviceA.ReadConfigBytes()).S3Sync!;
        saved.Encrypt.Should().BeTrue();
        saved.RememberedPassphrase.Should().BeNull();
    }

    [Test]
    [Category("Slow")] // the real age command, scrypt 2^18
    public async Task What_start_claude_uploads_the_age_command_decrypts_to_the_same_document()
    {
        AgeCli.Available.Should().BeTrue("age is installed by scripts/test.sh");
        using var agesOwnWorkFactor = StartClaude.Core.Encryption.AgeWorkFactor.Use(StartClaude.Core.Encryption.AgeFile.DefaultWorkFactor);
        DeviceA.WriteConfig(Configs("work", "home"));
        await EncryptedSetupAsync(DeviceA);
        (await Encrypted(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        using var scratch = new TempHome();
        var encrypted = Path.Combine(scratch.Folder, "start-claude-config.json.age");
        var decrypted = Path.Combine(scratch.Folder, "config.json");
        await File.WriteAllBytesAsync(encrypted, await RawRemoteAsync());

        Encoding.ASCII.GetString(await File.ReadAllBytesAsync(encrypted)).Should().MatchRegex(@"-> scrypt \S+ 18\n", "what age reads is written with age's own work factor");
        await AgeCli.DecryptAsync(encrypted, decrypted, Passphrase);

        var recovered = Document(await File.ReadAllBytesAsync(decrypted));
        recovered.SharesContentWith(Document(DeviceA.ReadConfigBytes())).Should().BeTrue();
        recovered.S3Sync.Should().BeNull("the S3 settings never leave the machine, encrypted or not");
    }

    [Test]
    [Category("Slow")] // the real age command, scrypt 2^18
    public async Task What_the_age_command_encrypts_start_claude_downloads_and_applies()
    {
        AgeCli.Available.Should().BeTrue("age is installed by scripts/test.sh");
        using var scratch = new TempHome();
        var plain = Path.Combine(scratch.Folder, "config.json");
        var encrypted = Path.Combine(scratch.Folder, "config.json.age");
        await File.WriteAllTextAsync(plain, Configs("from-age-cli"));
        await AgeCli.EncryptAsync(plain, encrypted, Passphrase);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", await File.ReadAllBytesAsync(encrypted));

        var setup = await Encrypted(DeviceB, [.. SetupArgs.For(Server, Bucket), "--encrypt"]);

        setup.ExitCode.Should().Be(0, setup.ToString());
        Names(DeviceB).Should().Equal("from-age-cli");
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Single().ApiKey.Should().Be(ApiKey);
    }
}
