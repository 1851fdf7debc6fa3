using System.Text.Json.Nodes;
using Minio.DataModel.Args;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary><c>doctor</c> on a healthy setup, then with each problem it checks induced, one at a time.</summary>
public class DoctorTests : DeviceTestBase
{
    private StandInClaude _claude = null!;

    [SetUp]
    public void PutClaudeOnPath() => _claude = new StandInClaude();

    [TearDown]
    public void RemoveClaude() => _claude.Dispose();

    private Dictionary<string, string> WithClaude() => new() { ["PATH"] = _claude.Folder };

    private async Task HealthySetupAsync()
    {
        var client = Server.Client();
        await client.SetVersioningAsync(new SetVersioningArgs().WithBucket(Bucket).WithVersioningEnabled());
        (client as IDisposable)?.Dispose();
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
    }

    private async Task<(int ExitCode, Dictionary<string, (string Status, string Result, string? Fix)> Checks, ToolResult Run)> DoctorAsync(Dictionary<string, string>? variables = null)
    {
        var result = await RunWith(DeviceA, variables ?? WithClaude(), "doctor", "--json");
        var json = JsonNode.Parse(result.Output)!.AsObject();
        json["command"]!.GetValue<string>().Should().Be("doctor");
        var checks = json["checks"]!.AsArray().ToDictionary(
            c => c!["id"]!.GetValue<string>(),
            c => (c!["status"]!.GetValue<string>(), c["result"]!.GetValue<string>(), c["fix"]?.GetValue<string>()));
        json["healthy"]!.GetValue<bool>().Should().Be(result.ExitCode == 0);
        result.All.Should().NotContain(Server.SecretAccessKey).And.NotContain("SECRETSECRET");
        return (result.ExitCode, checks, result);
    }

    [Test]
    public async Task A_healthy_setup_passes_every_check_and_exits_0()
    {
        await HealthySetupAsync();

        var plain = await RunWith(DeviceA, WithClaude(), "doctor");
        var (exitCode, checks, run) = await DoctorAsync();

        plain.ExitCode.Should().Be(0, plain.ToString());
        plain.Output.Should().Contain("Healthy");
        exitCode.Should().Be(0, run.ToString());
        checks.Keys.Should().Equal("config", "config-private", "claude", "s3-settings", "proxy", "endpoint", "clock", "credentials", "public", "versioning", "conditional-writes", "encryption");
        checks.Values.Should().AllSatisfy(c => c.Status.Should().Be("ok"));
    }

    [Test]
    public async Task A_config_json_that_is_not_json_is_a_problem()
    {
        DeviceA.WriteConfig("{ not json");

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(1);
        checks["config"].Status.Should().Be("problem");
        checks["config"].Fix.Should().Contain("backups");
        checks["credentials"].Status.Should().Be("skipped");
    }

    [Test]
    public async Task A_config_json_others_can_read_is_a_problem()
    {
        await HealthySetupAsync();
        if (OperatingSystem.IsWindows())
        {
            (await DoctorAsync()).Checks["config-private"].Status.Should().Be("skipped");
            return;
        }
        File.SetUnixFileMode(DeviceA.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(1);
        checks["config-private"].Status.Should().Be("problem");
        checks["config-private"].Result.Should().Contain("0644");
        checks["config-private"].Fix.Should().Contain("chmod 600");
    }

    [Test]
    public async Task No_claude_on_path_is_a_problem()
    {
        await HealthySetupAsync();

        var (exitCode, checks, _) = await DoctorAsync(new Dictionary<string, string> { ["PATH"] = DeviceB.Folder });

        exitCode.Should().Be(1);
        checks["claude"].Status.Should().Be("problem");
        checks["claude"].Fix.Should().Contain("npm install -g @anthropic-ai/claude-code");
    }

    [Test]
    public async Task Incomplete_s3_settings_are_a_problem()
    {
        await HealthySetupAsync();
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!.AsObject().Remove("bucket"));

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(1);
        checks["s3-settings"].Status.Should().Be("problem");
        checks["s3-settings"].Fix.Should().Contain("s3-setup");
    }

    [Test]
    public async Task An_unreachable_endpoint_is_a_problem_and_the_service_checks_are_skipped()
    {
        await HealthySetupAsync();
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = $"http://127.0.0.1:{FreePort.Next()}");

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(1);
        checks["endpoint"].Status.Should().Be("problem");
        checks["clock"].Status.Should().Be("skipped");
        checks["encryption"].Status.Should().Be("skipped");
    }

    [Test]
    public async Task An_IPv6_endpoint_is_checked_like_any_other()
    {
        await HealthySetupAsync();
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = $"http://[::1]:{FreePort.Next()}");

        var (exitCode, checks, run) = await DoctorAsync();
        var status = await Run(DeviceA, "s3-status");

        exitCode.Should().Be(1, run.ToString());
        run.All.Should().NotContain("internal error");
        checks["s3-settings"].Status.Should().Be("ok");
        checks["endpoint"].Status.Should().Be("problem");
        checks["endpoint"].Result.Should().Contain("[::1]");
        status.All.Should().NotContain("internal error").And.Contain("http://[::1]:");
    }

    [Test]
    public async Task A_clock_far_from_the_services_is_a_problem()
    {
        await HealthySetupAsync();
        await using var skewed = new SkewedDateServer(TimeSpan.FromMinutes(-47));
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["endpointUrl"] = skewed.EndpointUrl);

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(1);
        checks["endpoint"].Status.Should().Be("ok");
        checks["clock"].Status.Should().Be("problem");
        checks["clock"].Result.Should().Contain("47 min ahead of the service").And.Contain("15 minutes");
        checks["clock"].Fix.Should().Contain("timedatectl");
    }

    [Test]
    public async Task A_bucket_anyone_can_read_is_a_problem()
    {
        await HealthySetupAsync();
        await Server.MakeObjectPublicAsync(Bucket, "start-claude-config.json");

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(1);
        checks["public"].Status.Should().Be("problem");
        checks["public"].Fix.Should().Contain("--encrypt");
    }

    [Test]
    public async Task Versioning_off_is_a_warning_that_says_how_to_turn_it_on()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(0, "a bucket without versioning works; it only keeps no history");
        checks["versioning"].Status.Should().Be("warning");
        checks["versioning"].Fix.Should().Contain("--enable-versioning");
    }

    [Test]
    public async Task An_encryption_setting_that_does_not_match_the_remote_is_a_problem()
    {
        await HealthySetupAsync();
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["encrypt"] = true);

        var (exitCode, checks, _) = await DoctorAsync();

        exitCode.Should().Be(1);
        checks["encryption"].Status.Should().Be("problem");
        checks["encryption"].Result.Should().Contain("plain JSON");
    }

    [Test]
    public async Task A_proxy_variable_that_is_not_a_url_is_a_problem_and_credentials_in_it_are_never_shown()
    {
        await HealthySetupAsync();
        var variables = WithClaude();
        variables["HTTP_PROXY"] = "not a proxy";

        var (exitCode, checks, _) = await DoctorAsync(variables);
        variables["HTTP_PROXY"] = "http://user:PROXYPASSWORD@127.0.0.1:3128";
        var (_, named, run) = await DoctorAsync(variables);

        exitCode.Should().Be(1);
        checks["proxy"].Status.Should().Be("problem");
        named["proxy"].Result.Should().Contain("127.0.0.1:3128");
        run.All.Should().NotContain("PROXYPASSWORD");
    }

    // The probe object is never deleted (docs/wire.md): the fix must not ask for s3:DeleteObject (issue 26 item 12).
    [Test]
    public async Task A_refused_probe_is_a_problem_whose_fix_names_only_the_put_it_needs()
    {
        await using var proxy = new WireProxy(Server.Port);
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        var setup = await Run(DeviceA, SetupArgs.For(Server, Bucket, endpointUrl: proxy.EndpointUrl));
        setup.ExitCode.Should().Be(0, setup.ToString());
        File.Delete(Path.Combine(DeviceA.Folder, "sync-state.json"));   // forgets what setup's probe learned
        proxy.Inject(Fault.AccessDenied403, $"PUT /{Bucket}/start-claude-config.json.start-claude-probe HTTP", times: 1);

        var (exitCode, checks, run) = await DoctorAsync();

        exitCode.Should().Be(1, run.ToString());
        proxy.FaultsInjected.Should().Be(1);
        checks["conditional-writes"].Status.Should().Be("problem");
        checks["conditional-writes"].Fix.Should().Contain("s3:PutObject").And.NotContain("DeleteObject");
    }

    [Test]
    public async Task A_service_that_ignores_conditional_writes_is_a_warning()
    {
        await using var s3rver = await S3rverServer.StartAsync();
        var bucket = await s3rver.CreateBucketAsync();
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await Run(DeviceA, SetupArgs.For(s3rver, bucket))).ExitCode.Should().Be(0);

        var (_, checks, _) = await DoctorAsync();

        checks["conditional-writes"].Status.Should().Be("warning");
        checks["conditional-writes"].Result.Should().Contain("re-reads the ETag");
    }
}
