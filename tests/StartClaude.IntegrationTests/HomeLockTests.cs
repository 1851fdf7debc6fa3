using System.Diagnostics;
using StartClaude.Core.Local;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>Two runs of the tool on one home are serialized; a lock left by a dead process is not.</summary>
public class HomeLockTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_second_run_waits_for_the_first_and_then_says_who_holds_the_lock()
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await ToolProcess.RunAsync(home, null, Limit, SetupArgs.For(server, bucket))).ExitCode.Should().Be(0);
        var before = home.ReadConfigBytes();
        var environment = AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder });

        ToolResult result;
        var clock = Stopwatch.StartNew();
        using (new HomeLock(environment).Acquire())
        {
            result = await ToolProcess.RunAsync(home, new Dictionary<string, string> { [HomeLock.WaitVariable] = "1" }, Limit, "s3-sync");
        }

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"another start-claude (pid {Environment.ProcessId})").And.Contain("try again");
        home.ReadConfigBytes().Should().Equal(before);
        (await ToolProcess.RunAsync(home, null, Limit, "s3-sync")).ExitCode.Should().Be(0, "the lock is free once its holder lets go");
    }

    [Test]
    public async Task A_lock_file_left_by_a_dead_process_is_taken_over()
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        File.WriteAllText(Path.Combine(home.Folder, ".lock"), "");
        File.WriteAllText(Path.Combine(home.Folder, ".lock.pid"), "999999");

        var result = await ToolProcess.RunAsync(home, new Dictionary<string, string> { [HomeLock.WaitVariable] = "1" }, Limit, SetupArgs.For(server, bucket));

        result.ExitCode.Should().Be(0, result.ToString());
    }
}
