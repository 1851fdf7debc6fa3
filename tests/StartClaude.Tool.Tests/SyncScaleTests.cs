using System.Diagnostics;
using System.Text;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// A whole s3-sync of a 10,000-config document with one change, against moto_server (issue 16
/// measured 77.8 s for 10,400 configs when configs were searched for one by one).
/// The sync runs in this process on many threads, so its processor time is the process's: the fixture
/// runs alone, or the fixtures beside it would count as its own work (issue 26 item 14).
/// </summary>
[NonParallelizable]
public class SyncScaleTests : DeviceTestBase
{
    private static string Document(int count)
    {
        var text = new StringBuilder("{\"version\":3,\"configs\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(',');
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"id\":\"id-{i:D6}\",\"name\":\"config-{i}\",\"apiKey\":\"sk-ant-api03-key{i}\",\"model\":\"m0\",\"isDefault\":{(i == 0 ? "true" : "false")}}}");
        }
        return text.Append("],\"settings\":{}}").ToString();
    }

    [Test]
    public async Task A_sync_of_10000_configs_with_one_change_finishes_within_a_generous_bound()
    {
        DeviceA.WriteConfig(Document(10_000));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await SetUpSyncAsync(DeviceB);
        DeviceB.WriteConfig(DeviceB.ReadConfig().Replace("\"name\": \"config-5000\"", "\"name\": \"renamed-5000\"", StringComparison.Ordinal));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var upload = await Run(DeviceB, "s3-sync");
        var uploadTime = clock.Elapsed;
        var uploadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var download = await Run(DeviceA, "s3-sync");
        var downloadTime = clock.Elapsed;
        var downloadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        TestContext.Out.WriteLine($"s3-sync of 10,000 configs, one change: upload {uploadTime.TotalMilliseconds:0} ms (CPU {uploadCpu.TotalMilliseconds:0} ms), download {downloadTime.TotalMilliseconds:0} ms (CPU {downloadCpu.TotalMilliseconds:0} ms)");

        upload.ExitCode.Should().Be(0, upload.ToString());
        upload.Output.Should().Contain("changed: renamed-5000");
        download.ExitCode.Should().Be(0, download.ToString());
        DeviceA.ReadConfig().Should().Contain("renamed-5000");
        // Processor time, measured around each sync alone, bounds the work (a loaded shared machine does
        // not inflate it, and no other fixture runs meanwhile); wall time generously.
        uploadCpu.Should().BeLessThan(TimeSpan.FromSeconds(5));
        downloadCpu.Should().BeLessThan(TimeSpan.FromSeconds(5));
        uploadTime.Should().BeLessThan(TimeSpan.FromSeconds(60));
        downloadTime.Should().BeLessThan(TimeSpan.FromSeconds(60));
    }
}
