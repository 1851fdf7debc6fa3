using System.Diagnostics;
using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>The real executable as a child process, stdin not a terminal.</summary>
public class InstalledToolTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Version_and_help_answer_without_a_pager()
    {
        using var home = new TempHome();

        var version = await ToolProcess.RunAsync(home, null, Limit, "--version");
        var help = await ToolProcess.RunAsync(home, null, Limit, "--help");

        version.ExitCode.Should().Be(0);
        version.Output.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
        help.ExitCode.Should().Be(0);
        help.Output.Should().Contain("list").And.Contain("add").And.Contain("s3-setup").And.Contain("s3-upload").And.Contain("s3-download").And.Contain("s3-sync").And.Contain("s3-status");
        help.Error.Should().BeEmpty("no provider module may be missing or broken");
    }

    [Test]
    public async Task Add_then_start_runs_claude_from_PATH_sharing_this_output_and_returning_its_exit_code()
    {
        using var home = new TempHome();
        using var claude = new StandInClaude(exitCode: 42);

        var add = await ToolProcess.RunAsync(home, null, Limit, "add", "work", "--api-key", "sk-ant-api03-PROCESSTEST-0000-c3Fz", "--model", "claude-opus-4");
        var start = await ToolProcess.RunAsync(home, claude.OnPath(), Limit, "--", "-p", "hello there");

        add.ExitCode.Should().Be(0, add.ToString());
        start.ExitCode.Should().Be(42, start.ToString());
        start.Output.Should().Contain("stand-in claude ran with 2 arguments", "claude writes to the same stdout");
        claude.Variables.Should().Contain("ANTHROPIC_API_KEY", "sk-ant-api03-PROCESSTEST-0000-c3Fz").And.Contain("ANTHROPIC_MODEL", "claude-opus-4");
        claude.Arguments.Should().Equal("-p", "hello there");
    }

    [Test]
    public async Task Setup_without_a_terminal_fails_fast_naming_the_flag_instead_of_waiting()
    {
        using var home = new TempHome();

        var clock = Stopwatch.StartNew();
        var result = await ToolProcess.RunAsync(home, null, Limit, "s3-setup");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--provider");
        home.ConfigExists.Should().BeFalse();
    }

    [Test]
    public async Task An_unknown_command_is_a_usage_error()
    {
        using var home = new TempHome();

        var result = await ToolProcess.RunAsync(home, null, Limit, "s3-frobnicate");

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("error:");
    }

    [Test]
    public async Task Upload_then_download_on_another_device_through_moto_server()
    {
        var server = await SharedServers.MotoAsync();
        await RoundTripAsync(server);
    }

    [Test]
    public async Task Upload_then_download_on_another_device_through_s3rver()
    {
        await using var server = await S3rverServer.StartAsync();
        await RoundTripAsync(server);
    }

    [Test]
    public async Task The_secret_comes_from_the_environment_and_never_reaches_the_output()
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        var env = new Dictionary<string, string> { ["AWS_SECRET_ACCESS_KEY"] = server.SecretAccessKey };
        var args = SetupArgs.For(server, bucket).ToList();
        args.RemoveRange(args.IndexOf("--secret-access-key"), 2);

        var results = new List<ToolResult>
        {
            await ToolProcess.RunAsync(home, env, Limit, [.. args]),
            await ToolProcess.RunAsync(home, null, Limit, "s3-upload"),
            await ToolProcess.RunAsync(home, null, Limit, "s3-status"),
            await ToolProcess.RunAsync(home, null, Limit, "s3-sync"),
        };

        results.Should().OnlyContain(r => r.ExitCode == 0);
        results.Should().OnlyContain(r => !r.All.Contains(server.SecretAccessKey) && !r.All.Contains(SampleDocuments.SecretApiKey) && !r.All.Contains("XXXXXXXXXXXX"));
    }

    private static async Task RoundTripAsync(LoopbackS3Server server)
    {
        var bucket = await server.CreateBucketAsync();
        using var first = new TempHome();
        using var second = new TempHome();
        first.WriteConfig(SampleDocuments.WithUnknownFields);

        var setup = await ToolProcess.RunAsync(first, null, Limit, SetupArgs.For(server, bucket));
        var upload = await ToolProcess.RunAsync(first, null, Limit, "s3-upload");
        var setupSecond = await ToolProcess.RunAsync(second, null, Limit, SetupArgs.For(server, bucket));
        var download = await ToolProcess.RunAsync(second, null, Limit, "s3-download", "-f");

        setup.ExitCode.Should().Be(0, setup.ToString());
        upload.ExitCode.Should().Be(0, upload.ToString());
        setupSecond.ExitCode.Should().Be(0, setupSecond.ToString());
        download.ExitCode.Should().Be(0, download.ToString());
        var a = ConfigDocument.Parse(first.ReadConfigBytes(), "first");
        var b = ConfigDocument.Parse(second.ReadConfigBytes(), "second");
        a.SharesContentWith(b).Should().BeTrue();
        var raw = System.Text.Encoding.UTF8.GetString((await server.ReadObjectAsync(bucket, "start-claude-config.json"))!);
        raw.Should().NotContain("s3Sync").And.NotContain(server.SecretAccessKey);
    }
}
