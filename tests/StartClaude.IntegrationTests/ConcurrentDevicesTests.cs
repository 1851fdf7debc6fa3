using System.Diagnostics;
using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// Eight devices (processes of the real tool, each with its own home) edit their own configs and
/// sync after every edit, all at once against one object. Conditional writes must make every
/// edit arrive everywhere. The server decides conditional PUTs atomically, as S3 does (see
/// tests/tools/moto_atomic_put.py for why stock moto_server cannot under concurrency).
/// </summary>
public class ConcurrentDevicesTests
{
    private const int Devices = 8;
    private const int EditsPerDevice = 25;
    private static readonly TimeSpan PerRun = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Eight_devices_syncing_after_every_edit_lose_nothing()
    {
        await using var server = await MotoServer.StartAsync(atomicPuts: true);
        var bucket = await server.CreateBucketAsync();
        var homes = Enumerable.Range(0, Devices).Select(_ => new TempHome()).ToList();
        try
        {
            foreach (var home in homes)
            {
                home.WriteConfig("""{"configs":[],"settings":{"overrideClaudeCommand":false}}""");
                var setup = await ToolProcess.RunAsync(home, null, PerRun, SetupArgs.For(server, bucket));
                setup.ExitCode.Should().Be(0, setup.ToString());
            }

            var clock = Stopwatch.StartNew();
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Task.WhenAll(homes.Select((home, device) => Task.Run(async () =>
            {
                for (var edit = 0; edit < EditsPerDevice; edit++)
                {
                    // Odd edits change the config the previous edit added; even ones add a new one.
                    var e = edit;
                    home.EditConfig(root =>
                    {
                        if (e % 2 == 0)
                            root.AddConfig($"d{device}-c{e}", "v0");
                        else
                            root.Config($"d{device}-c{e - 1}")["model"] = $"v{e}";
                    });
                    var sync = await ToolProcess.RunAsync(home, null, PerRun, "s3-sync");
                    if (sync.ExitCode != 0)
                        failures.Add($"device {device} edit {e}: {sync}");
                }
            })));
            var elapsed = clock.Elapsed;

            failures.Should().BeEmpty();
            foreach (var home in homes)
                (await ToolProcess.RunAsync(home, null, PerRun, "s3-sync")).ExitCode.Should().Be(0);

            var expected = Enumerable.Range(0, Devices)
                .SelectMany(d => Enumerable.Range(0, EditsPerDevice).Where(e => e % 2 == 0)
                    .Select(e => $"d{d}-c{e}:{(e + 1 < EditsPerDevice ? $"v{e + 1}" : "v0")}"))
                .ToList();
            foreach (var home in homes)
            {
                var configs = ConfigDocument.Parse(home.ReadConfigBytes(), home.Folder).LiveConfigs.Select(c => $"{c.Name}:{c.Model}");
                configs.Should().BeEquivalentTo(expected, $"every device must hold all {Devices * EditsPerDevice} edits");
            }
            TestContext.Out.WriteLine($"{Devices} devices x {EditsPerDevice} edit+sync runs took {elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            homes.ForEach(h => h.Dispose());
        }
    }
}
