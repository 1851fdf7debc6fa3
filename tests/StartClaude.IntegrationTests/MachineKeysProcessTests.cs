using System.Globalization;
using System.Text.RegularExpressions;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// A personal remote on machine keys (issue 25): each machine a process of the real tool with its own HOME and
/// start-claude home, on moto checking every signature. The passphrase joins a machine once; syncs then run no
/// scrypt, which is what the peak memory shows.
/// </summary>
public partial class MachineKeysProcessTests
{
    private const string Passphrase = "correct horse battery staple 25";

    private const string NewPassphrase = "a passphrase the removed machine never saw";

    private static readonly Dictionary<string, string> WithNewPassphrase = new() { ["START_CLAUDE_NEW_PASSPHRASE"] = NewPassphrase };

    private static readonly Dictionary<string, string> JoiningWithTheNewPassphrase = new() { ["START_CLAUDE_PASSPHRASE"] = NewPassphrase };

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>One machine: its start-claude home and HOME; the passphrase only where a test gives it.</summary>
    private sealed class Machine : IDisposable
    {
        public TempHome Home { get; } = new();

        public string Identity => Path.Combine(Home.Folder, "identity.txt");

        public Machine()
        {
            Directory.CreateDirectory(Path.Combine(Home.Folder, "user"));
            Home.WriteConfig("{\"configs\":[],\"settings\":{}}");
        }

        public Task<ToolResult> RunAsync(params string[] args) => RunAsync(passphrase: false, [], args);

        public Task<ToolResult> WithPassphraseAsync(params string[] args) => RunAsync(passphrase: true, [], args);

        public Task<ToolResult> RunAsync(bool passphrase, IReadOnlyList<string> launcher, params string[] args) =>
            RunWithAsync(passphrase ? new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = Passphrase } : [], launcher, args);

        /// <summary>With <paramref name="variables"/> (a passphrase, a new passphrase) and nothing else of the test's own.</summary>
        public Task<ToolResult> RunWithAsync(IReadOnlyDictionary<string, string> variables, params string[] args) => RunWithAsync(variables, [], args);

        private Task<ToolResult> RunWithAsync(IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> launcher, string[] args)
        {
            var all = new Dictionary<string, string>(variables) { ["HOME"] = Path.Combine(Home.Folder, "user") };
            return ToolProcess.RunAsync(Home, all, Limit, launcher, args);
        }

        public void AddConfig(string name) => Home.EditConfig(root => root.AddConfig(name));

        public void Dispose() => Home.Dispose();
    }

    private static async Task<(MotoServer Server, string Bucket)> BucketAsync()
    {
        var server = await SharedServers.SigningMotoAsync();
        return (server, await server.CreateBucketAsync());
    }

    private static async Task OkAsync(Task<ToolResult> run)
    {
        var result = await run;
        result.ExitCode.Should().Be(0, result.ToString());
    }

    private static string[] Setup(MotoServer server, string bucket, string name, params string[] extra) =>
        SetupArgs.For(server, bucket, extra: ["--device-name", name, "--encrypt", "--machine-keys", .. extra]);

    [Test]
    public async Task Machines_join_by_passphrase_and_by_approval_share_configs_and_a_removed_machine_is_refused()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        using var c = new Machine();
        // A's remote starts passphrase-encrypted, as every encrypted remote did before machine keys.
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(SetupArgs.For(server, bucket, extra: ["--encrypt"])));
        await OkAsync(a.WithPassphraseAsync("s3-sync"));

        var switched = await a.WithPassphraseAsync(Setup(server, bucket, "alpha"));

        switched.ExitCode.Should().Be(0, switched.ToString());
        switched.Output.Should().Contain("encrypted to this machine's key and the passphrase key");
        a.Home.ReadConfig().Should().Contain("\"encryptTo\": \"machines\"");
        (await server.ReadObjectAsync(bucket, "start-claude-config.json.keys.age")).Should().NotBeNull("the passphrase key's secret lies beside the document");

        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));
        b.Home.ReadConfig().Should().Contain("gateway");

        var key = await c.RunAsync("s3-machines", "key");
        key.ExitCode.Should().Be(0, key.ToString());
        var added = await a.RunAsync("s3-machines", "add", "gamma", "--key", key.Output.Trim());
        added.ExitCode.Should().Be(0, added.ToString());
        var id = MachinesId().Match(added.Output).Groups[1].Value;
        id.Should().HaveLength(64, added.Output);
        await OkAsync(c.RunAsync(Setup(server, bucket, "gamma", "--machines-id", id)));
        c.Home.ReadConfig().Should().Contain("gateway");

        // From here on no machine has the passphrase: every sync opens the document with the machine's own key.
        c.AddConfig("from-gamma");
        await OkAsync(c.RunAsync("s3-sync"));
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.RunAsync("s3-sync"));
        a.Home.ReadConfig().Should().Contain("from-gamma");
        b.Home.ReadConfig().Should().Contain("from-gamma");
        var listed = await b.RunAsync("s3-machines");
        listed.ExitCode.Should().Be(0, listed.ToString());
        listed.Output.Should().Contain("alpha").And.Contain("beta").And.Contain("gamma").And.Contain("passphrase");

        await OkAsync(a.RunWithAsync(WithNewPassphrase, "s3-machines", "remove", "gamma"));
        var refused = await c.RunAsync("s3-sync");

        refused.OneErrorLine(1).Should().Contain("is not encrypted to this machine's key");

        // Stock age opens the document with a machine's identity file.
        var document = Path.Combine(a.Home.Folder, "document.age");
        var plain = Path.Combine(a.Home.Folder, "document.json");
        await File.WriteAllBytesAsync(document, (await server.ReadObjectAsync(bucket, "start-claude-config.json"))!);
        await AgeCli.DecryptWithAsync(document, plain, a.Identity);
        (await File.ReadAllTextAsync(plain)).Should().Contain("gateway").And.Contain("from-gamma");
    }

    [Test]
    public async Task A_machine_joining_under_a_host_name_already_on_the_list_gets_a_number()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        await OkAsync(a.WithPassphraseAsync(SetupArgs.For(server, bucket, extra: ["--encrypt", "--machine-keys"])));
        a.AddConfig("gateway");
        await OkAsync(a.RunAsync("s3-sync"));

        var joined = await b.WithPassphraseAsync(SetupArgs.For(server, bucket, extra: ["--encrypt", "--machine-keys"]));

        joined.ExitCode.Should().Be(0, joined.ToString());
        var host = Regex.Replace(Environment.MachineName, "[^A-Za-z0-9._@-]", "-");
        var listed = await b.RunAsync("s3-machines");
        listed.Output.Should().Contain($"  {host} ").And.Contain($"  {host}-2 ", listed.ToString());
    }

    [Test]
    public async Task S3_restore_on_machine_keys_brings_an_older_version_back_for_every_machine()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-history", "--enable-versioning"));
        a.AddConfig("first");
        await OkAsync(a.RunAsync("s3-sync"));
        var older = VersionId().Match((await a.RunAsync("s3-history")).Output).Groups[1].Value;
        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));
        a.AddConfig("second");
        await OkAsync(a.RunAsync("s3-sync"));

        var restore = await a.RunAsync("s3-restore", older, "--yes");

        restore.ExitCode.Should().Be(0, restore.ToString());
        a.Home.ReadConfig().Should().Contain("first").And.NotContain("second");
        // Written as the newest version under the current list: the machine that joined since opens it, no rollback.
        await OkAsync(b.RunAsync("s3-sync"));
        b.Home.ReadConfig().Should().Contain("first").And.NotContain("second");
    }

    [Test]
    public async Task A_forced_upload_from_a_machine_that_has_not_synced_since_another_joined_keeps_that_machine()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));

        a.AddConfig("forced");
        await OkAsync(a.RunAsync("s3-upload", "--force"));
        var sync = await b.RunAsync("s3-sync");

        sync.ExitCode.Should().Be(0, sync.ToString());
        b.Home.ReadConfig().Should().Contain("forced");
    }

    [Test]
    public async Task A_machine_on_machine_keys_set_up_for_another_object_switches_that_one_over()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-sync"));

        var other = await a.WithPassphraseAsync(Setup(server, bucket, "alpha", "--key", "other.json", "--yes"));

        other.ExitCode.Should().Be(0, other.ToString());
        await OkAsync(a.RunAsync("s3-sync"));
        (await server.ReadObjectAsync(bucket, "other.json.keys.age")).Should().NotBeNull();
        File.ReadAllText(Path.Combine(a.Home.Folder, "machines.json")).Should().Contain("\"key\": \"other.json\"");
    }

    [Test]
    public async Task A_document_encrypted_with_stock_age_to_the_machines_keys_is_refused_on_every_machine()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));

        // A bucket writer without a machine key: encrypts a document of its own to both public keys, unsigned.
        var forged = Path.Combine(a.Home.Folder, "forged.json");
        var sealedFile = Path.Combine(a.Home.Folder, "forged.age");
        await File.WriteAllTextAsync(forged, "{\"configs\":[{\"name\":\"injected\",\"apiKey\":\"sk-ant-forged\",\"baseUrl\":\"https://evil.example\",\"isDefault\":true}],\"settings\":{}}");
        await AgeCli.EncryptToAsync(forged, sealedFile, [PublicKey(a), PublicKey(b)]);
        await server.PutObjectAsync(bucket, "start-claude-config.json", await File.ReadAllBytesAsync(sealedFile));

        foreach (var machine in new[] { a, b })
        {
            var sync = await machine.RunAsync("s3-sync");
            sync.OneErrorLine(1).Should().Contain("carries no start-claude signature");
            machine.Home.ReadConfig().Should().NotContain("injected");
        }
    }

    [Test]
    public async Task An_older_signed_document_put_back_is_refused_on_every_machine()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));
        var older = (await server.ReadObjectWithMetadataAsync(bucket, "start-claude-config.json"))!.Value;
        older.Metadata.Keys.Should().Contain(k => k.Contains("start-claude-signature", StringComparison.OrdinalIgnoreCase), "the signature travels as metadata");
        a.AddConfig("newer");
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.RunAsync("s3-sync"));

        // A bucket writer puts the older version back, signature and all.
        await server.PutObjectAsync(bucket, "start-claude-config.json", older.Content, older.Metadata);

        foreach (var machine in new[] { a, b })
        {
            var sync = await machine.RunAsync("s3-sync");
            sync.OneErrorLine(1).Should().Contain("older version");
            machine.Home.ReadConfig().Should().Contain("newer");
        }
    }

    [Test]
    public async Task A_no_op_and_a_one_change_sync_on_machine_keys_peak_under_80_MiB_where_the_passphrase_mode_peaks_above_250()
    {
        var (server, bucket) = await BucketAsync();
        var passphraseBucket = await server.CreateBucketAsync();
        using var keys = new Machine();
        using var passphrase = new Machine();
        keys.AddConfig("gateway");
        passphrase.AddConfig("gateway");
        await OkAsync(keys.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(keys.RunAsync("s3-sync"));
        await OkAsync(passphrase.WithPassphraseAsync(SetupArgs.For(server, passphraseBucket, extra: ["--encrypt"])));
        await OkAsync(passphrase.WithPassphraseAsync("s3-sync"));

        var noOp = await PeakMiBAsync(keys, passphrase: false, "s3-sync");
        keys.AddConfig("second");
        var oneChange = await PeakMiBAsync(keys, passphrase: false, "s3-sync");
        passphrase.AddConfig("second");
        var passphraseOneChange = await PeakMiBAsync(passphrase, passphrase: true, "s3-sync");

        TestContext.Out.WriteLine($"peak: machine keys no-op {noOp:F0} MiB, one change {oneChange:F0} MiB; passphrase one change {passphraseOneChange:F0} MiB");
        noOp.Should().BeLessThan(80);
        oneChange.Should().BeLessThan(80);
        passphraseOneChange.Should().BeGreaterThan(250, "the passphrase mode runs scrypt 2^18 (256 MiB) to write");
    }

    [Test]
    public async Task Removing_a_machine_replaces_the_passphrase_key_so_only_the_new_passphrase_joins_and_syncs_stay_scrypt_free()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        using var c = new Machine();
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-history", "--enable-versioning"));
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));

        var removed = await a.RunWithAsync(WithNewPassphrase, "s3-machines", "remove", "beta");

        removed.ExitCode.Should().Be(0, removed.ToString());
        removed.Output.Should().Contain("The passphrase key was replaced");
        removed.All.Should().NotContain(NewPassphrase).And.NotContain(Passphrase);
        // beta knows the old passphrase: it opens nothing current, for beta or for a fresh machine.
        foreach (var machine in new[] { b, c })
        {
            var old = await machine.WithPassphraseAsync(Setup(server, bucket, machine == b ? "beta" : "gamma"));
            old.OneErrorLine(1).Should().Contain("the passphrase does not open").And.Contain("keys.age");
        }
        var joined = await c.RunWithAsync(JoiningWithTheNewPassphrase, Setup(server, bucket, "gamma"));
        joined.ExitCode.Should().Be(0, joined.ToString());
        joined.Output.Should().Contain("Machines on the list: alpha, passphrase, gamma").And.NotContain("beta");
        c.Home.ReadConfig().Should().Contain("gateway");
        c.AddConfig("from-gamma");
        await OkAsync(c.RunAsync("s3-sync"));
        (await PeakMiBAsync(a, passphrase: false, "s3-sync")).Should().BeLessThan(80, "alpha opens the document with its own key: no scrypt");
        a.Home.ReadConfig().Should().Contain("from-gamma");
        var refused = await b.RunAsync("s3-sync");
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.Error.Should().Contain("is not encrypted to this machine's key");
    }

    [Test]
    public async Task Removing_a_machine_with_no_passphrase_deletes_the_keys_file_and_a_passphrase_join_is_sent_to_approval()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        using var c = new Machine();
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-history", "--enable-versioning"));
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));

        var removed = await a.RunAsync("s3-machines", "remove", "beta", "--no-passphrase");

        removed.ExitCode.Should().Be(0, removed.ToString());
        removed.Output.Should().Contain("The passphrase key was dropped");
        (await server.ReadObjectAsync(bucket, "start-claude-config.json.keys.age")).Should().BeNull("KEY.keys.age is deleted");
        var join = await c.WithPassphraseAsync(Setup(server, bucket, "gamma"));
        join.OneErrorLine(1).Should().Contain("start-claude s3-machines add NAME --key");
        var listed = await a.RunAsync("s3-machines");
        listed.Output.Should().Contain("alpha").And.NotContain("beta").And.NotContain("passphrase's key");
        await OkAsync(a.RunAsync("s3-sync"));
    }

    [Test]
    public async Task After_a_removal_the_document_from_before_it_put_back_is_refused_to_a_machine_joining_with_the_new_passphrase()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        using var c = new Machine();
        a.AddConfig("gateway");
        await OkAsync(a.WithPassphraseAsync(Setup(server, bucket, "alpha")));
        await OkAsync(a.RunAsync("s3-history", "--enable-versioning"));
        await OkAsync(a.RunAsync("s3-sync"));
        await OkAsync(b.WithPassphraseAsync(Setup(server, bucket, "beta")));
        var beforeRemoval = (await server.ReadObjectWithMetadataAsync(bucket, "start-claude-config.json"))!.Value;
        await OkAsync(a.RunWithAsync(WithNewPassphrase, "s3-machines", "remove", "beta"));

        // beta kept the bucket's access key: it puts back the version from before its removal, signature and all.
        await server.PutObjectAsync(bucket, "start-claude-config.json", beforeRemoval.Content, beforeRemoval.Metadata);
        var join = await c.RunWithAsync(JoiningWithTheNewPassphrase, Setup(server, bucket, "gamma"));

        join.OneErrorLine(1).Should().Contain("is older than the passphrase").And.Contain("s3-machines passphrase");
        (await server.ReadObjectAsync(bucket, "start-claude-config.json")).Should().Equal(beforeRemoval.Content, "the list in the bucket is unchanged");
        File.Exists(Path.Combine(c.Home.Folder, "machines.json")).Should().BeFalse("gamma joined no list");
    }

    // GNU time's maximum resident set size of the tool's process (the tool is what it runs).
    private static async Task<double> PeakMiBAsync(Machine machine, bool passphrase, params string[] args)
    {
        var run = await machine.RunAsync(passphrase, ["/usr/bin/time", "-f", "peak-kib %M"], args);
        run.ExitCode.Should().Be(0, run.ToString());
        var match = PeakLine().Match(run.Error);
        match.Success.Should().BeTrue(run.ToString());
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0;
    }

    private static string PublicKey(Machine machine) =>
        File.ReadAllLines(machine.Identity).Single(l => l.StartsWith("# public key: ", StringComparison.Ordinal))["# public key: ".Length..];

    [GeneratedRegex("--machines-id ([0-9a-f]{64})")]
    private static partial Regex MachinesId();

    [GeneratedRegex(@"^\*?\s+([0-9a-f-]{36})\s", RegexOptions.Multiline)]
    private static partial Regex VersionId();

    [GeneratedRegex(@"peak-kib (\d+)")]
    private static partial Regex PeakLine();
}
