using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

public class S3SetupCommandTests : DeviceTestBase
{
    [Test]
    public async Task Scripted_setup_tests_the_connection_and_saves_the_settings_privately()
    {
        var result = await Run(DeviceA, SetupArgs.For(Server, Bucket));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Connection OK").And.Contain("No remote document");
        var saved = Document(DeviceA.ReadConfigBytes()).S3Sync!;
        saved.ProviderId.Should().Be("s3-compatible");
        saved.Input.Bucket.Should().Be(Bucket);
        saved.Input.EndpointUrl.Should().Be(Server.EndpointUrl);
        saved.Input.Key.Should().Be("start-claude-config.json");
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(DeviceA.ConfigPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    public async Task The_secret_can_come_from_AWS_SECRET_ACCESS_KEY()
    {
        var args = SetupArgs.For(Server, Bucket).ToList();
        var at = args.IndexOf("--secret-access-key");
        args.RemoveRange(at, 2);

        var result = await RunWith(DeviceA, new Dictionary<string, string> { ["AWS_SECRET_ACCESS_KEY"] = Server.SecretAccessKey }, [.. args]);

        result.ExitCode.Should().Be(0, result.ToString());
        Document(DeviceA.ReadConfigBytes()).S3Sync!.Input.SecretAccessKey.Should().Be(Server.SecretAccessKey);
    }

    [Test]
    public async Task The_newer_spelling_s3_setup_works_too()
    {
        var args = SetupArgs.For(Server, Bucket);
        var result = await Run(DeviceA, ["s3", "setup", .. args[1..]]);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Test]
    public async Task Without_a_terminal_a_missing_provider_is_a_usage_error_naming_the_flag()
    {
        var result = await Run(DeviceA, "s3-setup");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--provider").And.Contain("aws-s3").And.Contain("cloudflare-r2");
        DeviceA.ConfigExists.Should().BeFalse();
    }

    [TestCase("--bucket")]
    [TestCase("--access-key-id")]
    [TestCase("--endpoint-url")]
    public async Task Without_a_terminal_each_missing_answer_names_its_flag(string flag)
    {
        var args = SetupArgs.For(Server, Bucket).ToList();
        args.RemoveRange(args.IndexOf(flag), 2);

        var result = await Run(DeviceA, [.. args]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain($"{flag} is required");
        result.Error.Trim().Split('\n').Should().HaveCount(1, "a failure is one line");
    }

    [Test]
    public async Task A_missing_secret_names_both_the_flag_and_the_variable()
    {
        var args = SetupArgs.For(Server, Bucket).ToList();
        args.RemoveRange(args.IndexOf("--secret-access-key"), 2);

        var result = await Run(DeviceA, [.. args]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--secret-access-key").And.Contain("AWS_SECRET_ACCESS_KEY");
    }

    [TestCase("--provider", "dropbox", "unknown provider 'dropbox'")]
    [TestCase("--bucket", "Not_A_Bucket", "--bucket")]
    [TestCase("--endpoint-url", "ftp://example.com", "--endpoint-url")]
    [TestCase("--endpoint-url", "https://example.com/path", "path")]
    [TestCase("--region", "us east 1", "--region")]
    public async Task Bad_values_are_refused_before_any_network_call(string flag, string value, string expected)
    {
        var deadPort = FreePort.Next();
        var args = SetupArgs.For(Server, Bucket, endpointUrl: $"http://127.0.0.1:{deadPort}").ToList();
        if (args.Contains(flag))
            args[args.IndexOf(flag) + 1] = value;
        else
            args.AddRange([flag, value]);

        var result = await Run(DeviceA, [.. args]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(expected).And.NotContain("cannot reach");
        DeviceA.ConfigExists.Should().BeFalse();
    }

    [Test]
    public async Task A_missing_bucket_is_reported_and_nothing_is_saved()
    {
        var result = await Run(DeviceA, SetupArgs.For(Server, "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("does not exist");
        DeviceA.ConfigExists.Should().BeFalse();
    }

    [Test]
    public async Task An_unreachable_endpoint_is_reported_quickly_and_nothing_is_saved()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("a"));
        var before = DeviceA.ReadConfigBytes();
        var args = SetupArgs.For(Server, Bucket, endpointUrl: $"http://127.0.0.1:{FreePort.Next()}");

        var clock = Stopwatch.StartNew();
        var result = await Run(DeviceA, args);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("cannot reach http://127.0.0.1:");
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task An_endpoint_that_never_answers_times_out_within_the_configured_bound()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    accepted.Add(await silent.AcceptTcpClientAsync());
                }
                catch (Exception)
                {
                    return;
                }
            }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var args = SetupArgs.For(Server, Bucket, endpointUrl: $"http://127.0.0.1:{port}");

        var clock = Stopwatch.StartNew();
        var result = await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_TIMEOUT_SECONDS"] = "2" }, args);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("did not answer");
        DeviceA.ConfigExists.Should().BeFalse();
        accepted.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task A_malformed_local_config_is_reported_and_left_untouched()
    {
        DeviceA.WriteConfig("{\"configs\": [ {\"name\": \"a\" ");

        var result = await Run(DeviceA, SetupArgs.For(Server, Bucket));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("config.json is not valid JSON");
        DeviceA.ReadConfig().Should().Be("{\"configs\": [ {\"name\": \"a\" ");
    }

    [Test]
    public async Task With_a_remote_document_and_no_local_configs_setup_downloads_it()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);

        var result = await Run(DeviceB, SetupArgs.For(Server, Bucket));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Found a remote document").And.Contain("remote document was downloaded: 2 configs");
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work", "home");
    }

    [Test]
    public async Task With_differing_local_and_remote_configs_setup_changes_nothing_and_points_to_s3_sync()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));

        var result = await Run(DeviceB, SetupArgs.For(Server, Bucket));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("differ").And.Contain("s3-sync").And.Contain("only remote: work").And.Contain("only here:   laptop");
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("laptop");
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [Test]
    public async Task Replacing_settings_for_another_bucket_needs_yes_without_a_terminal()
    {
        await SetUpSyncAsync(DeviceA);
        var other = await Server.CreateBucketAsync();

        var refused = await Run(DeviceA, SetupArgs.For(Server, other));
        var accepted = await Run(DeviceA, SetupArgs.For(Server, other, extra: "--yes"));

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("--yes");
        accepted.ExitCode.Should().Be(0, accepted.ToString());
        Document(DeviceA.ReadConfigBytes()).S3Sync!.Input.Bucket.Should().Be(other);
    }

    [Test]
    public async Task Setup_never_prints_the_secret()
    {
        var result = await Run(DeviceA, SetupArgs.For(Server, Bucket));

        result.All.Should().NotContain(Server.SecretAccessKey);
    }
}
