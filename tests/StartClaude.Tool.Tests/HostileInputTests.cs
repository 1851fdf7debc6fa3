using System.Diagnostics;
using System.Security.Cryptography;
using StartClaude.Core.Local;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// The hostile-input suite: odd local files, environment values and remote documents. Each ends in
/// its documented exit code with exactly one <c>error:</c> line (never "internal error"), in bounded
/// time (and memory where the input is large or asks for much work), with config.json left byte for
/// byte as it was and nothing written to the bucket.
/// </summary>
[NonParallelizable]
public class HostileInputTests : DeviceTestBase
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(15);
    private static readonly string Valid = SampleDocuments.WithConfigs("work", "home");

    private static IEnumerable<TestCaseData> LocalCases() =>
        HostileInputs.Local().Select(c => new TestCaseData(c).SetName($"Hostile local input, {c.Group}: {c.Name}"));

    private static IEnumerable<TestCaseData> RemoteCases() =>
        HostileInputs.Remote().Select(c => new TestCaseData(c).SetName($"Hostile remote input, {c.Group}: {c.Name}"));

    [Test]
    public void The_table_holds_at_least_40_local_and_30_remote_cases()
    {
        HostileInputs.Local().Count().Should().BeGreaterThanOrEqualTo(40);
        HostileInputs.Remote().Count().Should().BeGreaterThanOrEqualTo(30);
    }

    [Test]
    public async Task A_wrong_typed_encrypt_setting_never_uploads_plain_text_and_setup_repairs_it()
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["encrypt"] = "true");
        DeviceA.EditConfig(root => root.AddConfig("added-later"));
        var remoteBefore = await RemoteBytesAsync();

        var sync = await Run(DeviceA, "s3-sync");
        var added = await Run(DeviceA, "add", "one-more", "--api-key", "sk-ant-api03-ONEMOREONEMORE-abcd");

        sync.ExitCode.Should().Be(1, sync.ToString());
        sync.Error.Should().Contain("settings.s3Sync.encrypt must be true or false, not a string");
        added.ExitCode.Should().Be(0, "the local change is saved; only the upload is refused");
        added.Error.Should().Contain("was not uploaded").And.Contain("settings.s3Sync.encrypt");
        (await RemoteBytesAsync()).Should().Equal(remoteBefore, "nothing leaves the machine while encryption is ambiguous");

        var setup = await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = HostileInputs.Passphrase },
            SetupArgs.For(Server, Bucket, extra: ["--encrypt", "--yes"]));
        setup.ExitCode.Should().Be(0, setup.ToString());
        DeviceA.ReadConfig().Should().Contain("\"encrypt\": true");
        var upload = await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = HostileInputs.Passphrase }, "s3-sync");
        upload.ExitCode.Should().Be(0, upload.ToString());
        (await RemoteBytesAsync())!.AsSpan().StartsWith("age-encryption.org/v1\n"u8).Should().BeTrue("the remote is ciphertext");
    }

    [TestCaseSource(nameof(LocalCases))]
    public async Task A_hostile_local_input_ends_in_one_clear_error_and_changes_nothing(HostileCase input)
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0, "the remote document exists before the hostile input");
        input.Arrange(DeviceA);
        var before = Fingerprint(DeviceA.ConfigPath);
        var remoteBefore = await RemoteBytesAsync();

        foreach (var command in input.Commands)
            await RunAndCheckAsync(input, command);

        Fingerprint(DeviceA.ConfigPath).Should().Be(before, "config.json must be left as it was");
        remoteBefore.Should().NotBeNull();
        (await RemoteBytesAsync()).Should().Equal(remoteBefore, "nothing may be written to the bucket");
    }

    [TestCaseSource(nameof(RemoteCases))]
    public async Task A_hostile_remote_document_ends_in_one_clear_error_and_is_never_applied(HostileCase input)
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        if (input.Encrypted)
            DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["encrypt"] = true);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", input.Remote!);
        var before = DeviceA.ReadConfigBytes();
        var variables = new Dictionary<string, string>(input.Variables) { ["START_CLAUDE_PASSPHRASE"] = HostileInputs.Passphrase };

        foreach (var command in new[] { new[] { "s3-download", "-f" }, ["s3-sync", "--prefer", "remote"], ["s3-status"] })
            await RunAndCheckAsync(input with { Variables = variables }, command);

        DeviceA.ReadConfigBytes().Should().Equal(before, "config.json must be left as it was");
        (await RemoteBytesAsync()).Should().Equal(input.Remote, "the hostile document is neither applied nor replaced");
    }

    // Issue 26 item A: an endpoint that accepts the connection and never answers. doctor used to wait forever.
    [Test]
    public async Task Doctor_against_an_endpoint_that_never_answers_ends_within_the_timeout()
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        await using var silent = new SilentServer();
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = silent.EndpointUrl);
        var before = DeviceA.ReadConfigBytes();
        var clock = Stopwatch.StartNew();

        var run = RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_TIMEOUT_SECONDS"] = "2" }, "doctor");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));

        finished.Should().BeSameAs(run, "doctor must not hang on an endpoint that never answers");
        var result = await run;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2 + 6), result.ToString());
        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("problem Endpoint reachable:").And.Contain("did not answer within 2 s");
        result.All.Should().NotContain("internal error");
        silent.Accepted.Should().BeGreaterThan(0, "the endpoint took the connection");
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    private async Task RunAndCheckAsync(HostileCase input, string[] command)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var run = RunWith(DeviceA, input.Variables, command);
        var finished = await Task.WhenAny(run, Task.Delay(TimeBound * 2));
        finished.Should().BeSameAs(run, $"{string.Join(' ', command)} must not hang");
        var result = await run;
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        TestContext.Out.WriteLine($"{input}: {string.Join(' ', command)} -> exit {result.ExitCode}, {clock.Elapsed.TotalMilliseconds:0} ms, {allocated / 1024.0 / 1024.0:0.0} MiB allocated");
        var what = $"{string.Join(' ', command)}: {result}";
        result.ExitCode.Should().Be(input.ExitCode, what);
        result.All.Should().NotContain("internal error", what);
        var errors = result.Error.Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal)).ToList();
        errors.Should().ContainSingle(what);
        errors[0].Should().Contain(input.Expected, what);
        result.All.Should().NotContain("123456", "a wrong-typed value may be a secret and is never shown");
        clock.Elapsed.Should().BeLessThan(TimeBound, what);
        if (input.MemoryBound is { } bound)
            allocated.Should().BeLessThan(bound, $"{what}\nallocated {allocated / (1024 * 1024)} MiB");
    }

    // What config.json is: its kind, where it links, and its content when it is a regular file.
    private static string Fingerprint(string path)
    {
        var kind = FileStatus.Of(path, followLinks: false).Kind;
        var link = kind == FileKind.SymbolicLink ? new FileInfo(path).LinkTarget : null;
        if (kind != FileKind.Regular)
            return $"{kind} {link}";
        using var file = File.OpenRead(path);
        var length = file.Length;
        var head = new byte[(int)Math.Min(length, 8 * 1024 * 1024)];
        file.ReadExactly(head);
        return $"{kind} {length} {Convert.ToHexString(SHA256.HashData(head))}";
    }
}
