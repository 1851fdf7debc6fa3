using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// The remote check before a start has a short budget (StartupRemoteCheck.Limit, 1.4 s): a service that
/// accepts the connection and never answers delays the start by about that much, then the start goes on
/// with the local configs and says so in one line.
/// </summary>
public class StartupCheckBudgetTests
{
    [Test]
    public async Task A_remote_that_never_answers_delays_a_start_by_the_budget_and_no_more()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = AcceptAndStaySilentAsync(silent, held, stop.Token);
        using var home = new TempHome();
        using var claude = new StandInClaude(exitCode: 4);
        home.WriteConfig($$"""
            {
              "configs": [ { "name": "work", "apiKey": "sk-ant-budget-000000000000000-c3Fz", "isDefault": true } ],
              "settings": { "s3Sync": { "provider": "s3-compatible", "bucket": "budget", "region": "us-east-1", "accessKeyId": "budget-key",
                                        "secretAccessKey": "budget-secret", "endpointUrl": "http://127.0.0.1:{{((IPEndPoint)silent.LocalEndpoint).Port}}" } }
            }
            """);

        var clock = Stopwatch.StartNew();
        var result = await ToolRun.RunAsync(home, claude.OnPath(), "work");
        clock.Stop();
        await stop.CancelAsync();
        await accepting;
        held.ForEach(c => c.Dispose());

        result.ExitCode.Should().Be(4, result.ToString());
        claude.Ran.Should().BeTrue();
        held.Should().NotBeEmpty("the check did reach the silent service");
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Contain("starting with the local configs");
        // 1.4 s of budget; the rest is slack for a loaded machine, far below the 10 s this used to wait.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4));
    }

    [Test]
    public async Task Another_run_holding_the_lock_delays_a_start_by_the_budget_and_no_more()
    {
        using var home = new TempHome();
        using var claude = new StandInClaude(exitCode: 5);
        home.WriteConfig("""
            {
              "configs": [ { "name": "work", "apiKey": "sk-ant-budget-000000000000000-c3Fz", "isDefault": true } ],
              "settings": { "s3Sync": { "provider": "s3-compatible", "bucket": "budget", "region": "us-east-1", "accessKeyId": "budget-key",
                                        "secretAccessKey": "budget-secret", "endpointUrl": "http://127.0.0.1:9" } }
            }
            """);
        var environment = StartClaude.Core.Local.AppEnvironment.From(new Dictionary<string, string> { [StartClaude.Core.Local.AppEnvironment.HomeVariable] = home.Folder });
        using var otherRun = new StartClaude.Core.Local.HomeLock(environment, new StartClaude.Core.Local.LocalConfigStore(environment, new StartClaude.Core.Local.BackupStore(environment))).Acquire();

        var clock = Stopwatch.StartNew();
        var result = await ToolRun.RunAsync(home, claude.OnPath(), "work");
        clock.Stop();

        result.ExitCode.Should().Be(5, result.ToString());
        claude.Ran.Should().BeTrue();
        result.Error.Should().Contain("could not check the remote configs");
        // The lock's own wait is 10 s; within the check it is the check's budget.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4));
    }

    [Test]
    public async Task Settings_that_cannot_be_used_are_reported_at_every_start()
    {
        using var home = new TempHome();
        using var claude = new StandInClaude();
        home.WriteConfig("""
            {
              "configs": [ { "name": "work", "apiKey": "sk-ant-budget-000000000000000-c3Fz", "isDefault": true } ],
              "settings": { "s3Sync": { "provider": "no-such-provider", "bucket": "budget", "endpointUrl": "http://127.0.0.1:9" } }
            }
            """);

        var first = await ToolRun.RunAsync(home, claude.OnPath(), "work");
        var second = await ToolRun.RunAsync(home, claude.OnPath(), "work");

        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        first.Error.Should().Contain("no-such-provider");
        second.Error.Should().Contain("no-such-provider", "nothing was checked, so nothing waits out the interval");
    }

    // /proc/self/mem is a regular file whose first bytes cannot be read (EIO), for root as for anyone: an
    // AWS file that fails to read was reported as "cannot write the output" and stopped the start.
    [Test]
    [Platform("Linux")]
    public async Task An_AWS_file_that_cannot_be_read_is_named_and_a_start_goes_on()
    {
        using var home = new TempHome();
        using var claude = new StandInClaude(exitCode: 5);
        // No region saved: it is looked for in the AWS config file.
        home.WriteConfig("""
            {
              "configs": [ { "name": "work", "apiKey": "sk-ant-budget-000000000000000-c3Fz", "isDefault": true } ],
              "settings": { "s3Sync": { "provider": "s3-compatible", "bucket": "budget", "accessKeyId": "budget-key",
                                        "secretAccessKey": "budget-secret", "endpointUrl": "http://127.0.0.1:9" } }
            }
            """);
        var variables = claude.OnPath();
        variables["AWS_CONFIG_FILE"] = "/proc/self/mem";

        var start = await ToolRun.RunAsync(home, variables, "work");
        var sync = await ToolRun.RunAsync(home, variables, "s3-sync");
        home.EditConfig(root => root["settings"]!["s3Sync"]!["region"] = "us-east-1");
        var syncWithEverythingSaved = await ToolRun.RunAsync(home, variables, "s3-sync");

        start.ExitCode.Should().Be(5, start.ToString());
        claude.Ran.Should().BeTrue();
        start.Error.Should().Contain("cannot read /proc/self/mem").And.Contain("starting with the local ones").And.NotContain("cannot write the output");
        sync.ExitCode.Should().NotBe(0, sync.ToString());
        sync.Error.Should().Contain("cannot read /proc/self/mem").And.NotContain("cannot write the output").And.NotContain("internal error");
        syncWithEverythingSaved.Error.Should().NotContain("/proc/self/mem", "config.json holds every setting, so the AWS files are not read")
            .And.Contain("127.0.0.1:9");
    }

    private static async Task AcceptAndStaySilentAsync(TcpListener listener, List<TcpClient> held, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
                held.Add(await listener.AcceptTcpClientAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
