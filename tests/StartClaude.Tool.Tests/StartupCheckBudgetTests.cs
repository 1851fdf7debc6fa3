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
