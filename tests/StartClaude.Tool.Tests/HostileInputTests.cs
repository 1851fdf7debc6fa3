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

    // Issue 26, found by the adversary (items B to G). Kept apart from the table above to ease merging.

    private static IEnumerable<TestCaseData> AdversaryLocalCases() =>
        HostileInputs.AdversaryLocal().Select(c => new TestCaseData(c).SetName($"Adversary local input, {c.Group}: {c.Name}"));

    private static IEnumerable<TestCaseData> AdversaryRemoteCases() =>
        HostileInputs.AdversaryRemote().Select(c => new TestCaseData(c).SetName($"Adversary remote input, {c.Group}: {c.Name}"));

    [TestCaseSource(nameof(AdversaryLocalCases))]
    public Task An_adversarial_environment_ends_in_one_clear_error_and_changes_nothing(HostileCase input) =>
        A_hostile_local_input_ends_in_one_clear_error_and_changes_nothing(input);

    [TestCaseSource(nameof(AdversaryRemoteCases))]
    public Task An_age_file_this_version_cannot_open_is_named_for_what_it_is(HostileCase input) =>
        A_hostile_remote_document_ends_in_one_clear_error_and_is_never_applied(input);

    // A remote document, then the device pointed at a hostile endpoint with no base recorded: the next read asks for no comparison.
    private async Task PointWithoutBaseAsync(string endpointUrl)
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload", "-f")).ExitCode.Should().Be(0);
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = endpointUrl);
        File.Delete(Path.Combine(DeviceA.Folder, "sync-state.json"));
    }

    private static string OneErrorLine(ToolResult result) =>
        result.Error.Split('\n').Should().ContainSingle(line => line.StartsWith("error:", StringComparison.Ordinal), result.ToString()).Subject;

    [Test]
    public async Task B_a_304_answer_to_a_download_without_a_condition_is_a_clear_error()
    {
        await using var proxy = new RecordingHttpServer(request => request.Method is "GET" or "HEAD"
            ? new CannedResponse(304, "Not Modified", [new("ETag", "\"cached\"")])
            : CannedResponse.Ok);
        await PointWithoutBaseAsync(proxy.EndpointUrl);
        var before = DeviceA.ReadConfigBytes();

        var download = await Run(DeviceA, "s3-download", "-f");

        download.ExitCode.Should().Be(1, download.ToString());
        download.All.Should().NotContain("internal error");
        OneErrorLine(download).Should().Contain("answered 304 Not Modified to a download that asked for no comparison");
        proxy.Requests.Where(r => r.Method == "GET").Should().OnlyContain(r => r.Header("If-None-Match") == null, "the download asked for no comparison");
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task C_a_session_token_with_a_line_break_never_reaches_the_wire_and_is_never_shown()
    {
        await using var recorder = new RecordingHttpServer(CannedResponse.NoSuchKey);
        await PointWithoutBaseAsync(recorder.EndpointUrl);
        DeviceA.EditConfig(root =>
        {
            var sync = root["settings"]!["s3Sync"]!.AsObject();
            sync.Remove("accessKeyId");
            sync.Remove("secretAccessKey");
        });
        const string Token = "FwoGZXIvYXdzEXAMPLETOKEN\r\nX-Injected: 1";
        var variables = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret-example", ["AWS_SESSION_TOKEN"] = Token };

        foreach (var command in new[] { new[] { "s3-sync" }, ["s3-download", "-f"], ["s3-status"] })
        {
            var run = await RunWith(DeviceA, variables, command);
            run.ExitCode.Should().Be(2, run.ToString());
            OneErrorLine(run).Should().Contain("AWS_SESSION_TOKEN").And.NotContain("cannot reach");
            run.All.Should().NotContain("FwoGZXIvYXdzEXAMPLETOKEN", "a session token is a secret");
        }
        recorder.Requests.Should().BeEmpty("nothing is sent with a token that would add a header");
    }

    [Test]
    public void D_the_assembly_report_never_destroys_a_file_and_never_waits_on_a_FIFO()
    {
        DeviceA.WriteConfig(Valid);
        var before = DeviceA.ReadConfigBytes();
        var outside = Directory.CreateTempSubdirectory("start-claude-report-");
        try
        {
            var fifo = Path.Combine(outside.FullName, "fifo");
            HostileInputs.MakeFifo(fifo);
            var precious = Path.Combine(outside.FullName, "notes.txt");
            File.WriteAllText(precious, "my notes\n");
            var linkToConfig = Path.Combine(outside.FullName, "link.json");
            File.CreateSymbolicLink(linkToConfig, DeviceA.ConfigPath);
            var linkToHome = Path.Combine(outside.FullName, "home-link");
            Directory.CreateSymbolicLink(linkToHome, DeviceA.Folder);

            foreach (var (target, reason) in new[]
            {
                (DeviceA.ConfigPath, "start-claude home"),
                (Path.Combine(DeviceA.Folder, "new-report.txt"), "start-claude home"),
                (Path.Combine(linkToHome, "config.json"), "start-claude home"),
                (linkToConfig, "symbolic link"),
                (fifo, "FIFO"),
                (precious, "not an earlier report"),
            })
            {
                using var warnings = new StringWriter();
                var write = Task.Run(() => Diagnostics.LoadedAssemblyReport.Write(target, DeviceA.Folder, warnings));
                write.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue($"writing the report to {target} must not block");
                warnings.ToString().Should().Contain("report was not written").And.Contain(reason, target);
            }

            DeviceA.ReadConfigBytes().Should().Equal(before, "config.json is never replaced by the report");
            File.Exists(Path.Combine(DeviceA.Folder, "new-report.txt")).Should().BeFalse();
            File.ReadAllText(precious).Should().Be("my notes\n");
            FileStatus.Of(fifo, followLinks: false).Kind.Should().Be(FileKind.Fifo);

            // Where nothing is lost, it is written, and an earlier report is replaced.
            var report = Path.Combine(outside.FullName, "report.txt");
            foreach (var _ in new[] { 1, 2 })
            {
                using var warnings = new StringWriter();
                Diagnostics.LoadedAssemblyReport.Write(report, DeviceA.Folder, warnings);
                warnings.ToString().Should().BeEmpty();
                File.ReadAllLines(report).Should().Contain("StartClaude.Core").And.Contain(line => line.StartsWith("# methods compiled at run time: ", StringComparison.Ordinal));
            }
            Directory.GetFiles(outside.FullName, "*.tmp").Should().BeEmpty();
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Test]
    public async Task E_an_unknown_name_is_exit_2_before_the_remote_check_uploads_anything_and_is_quoted_bounded()
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        // A change not yet uploaded, and a remote check due at every start.
        DeviceA.EditConfig(root =>
        {
            root.AddConfig("not-uploaded");
            root["settings"]!["s3Sync"]!["remoteConfigCheckIntervalMinutes"] = 0;
        });
        var remoteBefore = await RemoteBytesAsync();
        using var claude = new StandInClaude();

        var wrong = await RunWith(DeviceA, claude.OnPath(), "wrok");
        var huge = await RunWith(DeviceA, claude.OnPath(), new string('w', 100_000) + "\u001b[2J");

        wrong.ExitCode.Should().Be(2, wrong.ToString());
        OneErrorLine(wrong).Should().Contain("there is no config named 'wrok'");
        (await RemoteBytesAsync()).Should().Equal(remoteBefore, "exit 2 comes before any network call or write");
        huge.ExitCode.Should().Be(2, huge.ToString());
        huge.Error.Length.Should().BeLessThan(1000, "a 100 KB argument is named by its start and its length");
        OneErrorLine(huge).Should().Contain("(100,004 characters)").And.NotContain("\u001b");
        claude.Ran.Should().BeFalse();
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
    }

    [TestCase("non-ASCII", "\"\u00e9-etag\"", "outside ASCII")]
    [TestCase("5 KB", null, "5,002 characters long")]
    public async Task F_an_ETag_no_service_sends_is_named_not_taken_for_a_network_failure(string what, string? etag, string expected)
    {
        etag ??= "\"" + new string('e', 5000) + "\"";
        await using var hostile = new RecordingHttpServer(request => request.Method == "GET"
            ? new CannedResponse(200, "OK", [new("ETag", etag)], Body: Valid)
            : new CannedResponse(200, "OK", [new("ETag", etag)]));
        await PointWithoutBaseAsync(hostile.EndpointUrl);
        var before = DeviceA.ReadConfigBytes();

        foreach (var command in new[] { new[] { "s3-download", "-f" }, ["s3-sync"], ["s3-status"] })
        {
            var run = await Run(DeviceA, command);
            run.ExitCode.Should().Be(1, $"{what}: {run}");
            OneErrorLine(run).Should().Contain("answered with an ETag no S3 service sends").And.Contain(expected).And.NotContain("cannot reach");
        }
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task F_two_thousand_response_headers_are_named_as_such()
    {
        var headers = Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"X-Filler-{i}", new string('h', 40))).ToList();
        await using var hostile = new RecordingHttpServer(new CannedResponse(200, "OK", headers, Body: Valid));
        await PointWithoutBaseAsync(hostile.EndpointUrl);

        var run = await Run(DeviceA, "s3-download", "-f");

        run.ExitCode.Should().Be(1, run.ToString());
        OneErrorLine(run).Should().Contain("more response headers than").And.NotContain("ConfigurationLimitExceeded").And.NotContain("cannot reach");
    }

    [Test]
    public async Task F_a_signature_refused_after_others_were_accepted_does_not_blame_the_secret()
    {
        const string Refused = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>";
        await using var hostile = new RecordingHttpServer(request => request.Method is "GET" or "HEAD"
            ? new CannedResponse(200, "OK", [new("ETag", "\"doc\"")], Body: request.Method == "GET" ? Valid : null)
            : new CannedResponse(403, "Forbidden", [], Body: Refused));
        await PointWithoutBaseAsync(hostile.EndpointUrl);
        DeviceA.EditConfig(root => root.AddConfig("changed-here"));

        var run = await Run(DeviceA, "s3-sync");

        run.ExitCode.Should().Be(1, run.ToString());
        hostile.Requests.Select(r => r.Method).Should().Contain("GET").And.Contain("PUT", "the download was accepted, the upload refused");
        OneErrorLine(run).Should().Contain("accepted others signed with the same secret access key").And.NotContain("the secret access key is wrong");
    }

    [Test]
    public void F_a_START_CLAUDE_HOME_with_a_line_break_or_that_is_a_file_is_one_clear_error()
    {
        var parent = Directory.CreateTempSubdirectory("start-claude-home-");
        try
        {
            var file = Path.Combine(parent.FullName, "a-file");
            File.WriteAllText(file, "not a folder");
            var broken = Path.Combine(parent.FullName, "line\nbreak", "file");
            Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
            File.WriteAllText(broken, "x");

            foreach (var (home, expected) in new[] { (file, "is a regular file, not a folder"), (broken, "line\\u000abreak") })
            {
                foreach (var command in new[] { new[] { "list" }, ["add", "x", "--api-key", "sk-ant-api03-XXXXXXXXXXXXXXXX-abcd"], ["s3-status"] })
                {
                    using var error = new StringWriter();
                    var console = new Spectre.Console.Testing.TestConsole();
                    var code = StartClaudeApp.Run(command, new Console.ToolConsole(console, error, isInteractive: false),
                        AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home }));
                    var what = $"{string.Join(' ', command)} with START_CLAUDE_HOME={home}: exit {code}\n{console.Output}\n{error}";
                    code.Should().NotBe(0, what);
                    error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(what)
                        .Which.Should().StartWith("error:").And.Contain(expected);
                    console.Output.Should().NotContain("No configurations yet", what);
                }
            }
            File.ReadAllText(file).Should().Be("not a folder");
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Test]
    public async Task G_a_remote_config_holds_to_the_rules_add_and_set_hold_to()
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        const string Hostile = """
            {"configs":[
              {"name":"work","apiKey":"sk-ant-api03-WORKWORKWORK-abcd","baseUrl":"file:///etc/passwd","permissionMode":"yolo","isDefault":true},
              {"name":"","apiKey":"sk-ant-api03-EMPTYEMPTY-abcd"},
              {"name":"home","httpsProxy":"gopher://proxy","maxThinkingTokens":-5,"model":"m"}
            ]}
            """;
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", System.Text.Encoding.UTF8.GetBytes(Hostile));
        using var claude = new StandInClaude();

        var download = await Run(DeviceA, "s3-download", "-f");
        var start = await RunWith(DeviceA, claude.OnPath(), "work");
        var refused = await Run(DeviceA, "edit", "work", "--set", "baseUrl=file:///etc/passwd");

        download.ExitCode.Should().Be(0, download.ToString());
        download.Error.Should().Contain("broke the rules").And.Contain("dropped baseUrl of 'work'").And.Contain("dropped permissionMode of 'work'")
            .And.Contain("renamed a config to 'unnamed'").And.Contain("dropped httpsProxy of 'home'").And.Contain("dropped maxThinkingTokens of 'home'");
        download.All.Should().NotContain("WORKWORKWORK", "a repair names fields, never their secret values");
        var local = DeviceA.ReadConfig();
        local.Should().NotContain("file:///etc/passwd").And.NotContain("yolo").And.NotContain("gopher:").And.NotContain("\"name\": \"\"");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo("work", "unnamed", "home");
        start.ExitCode.Should().Be(0, start.ToString());
        claude.Variables.Should().NotContainKey("ANTHROPIC_BASE_URL");
        claude.Arguments.Should().NotContain("yolo");
        refused.ExitCode.Should().Be(2, "add and --set refuse what a remote document may not bring either");
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
