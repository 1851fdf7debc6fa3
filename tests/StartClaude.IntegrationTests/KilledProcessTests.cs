using System.Diagnostics;
using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// A download killed at any moment leaves the old config.json or the new one, never a torn one. The kills
/// are timed from a measured uninterrupted download, and some are made the moment the tool starts writing
/// config.json's temp file; the test fails unless some kill landed mid-write and both outcomes occurred,
/// so it cannot pass by never hitting the write (issue 26 item 14).
/// </summary>
public class KilledProcessTests
{
    private const int TimedRounds = 8;

    private const int MaxOnWriteRounds = 10;

    [Test]
    public async Task Killing_a_download_at_random_moments_never_tears_config_json()
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        var names = Enumerable.Range(0, 3000).Select(i => $"remote-{i}").ToArray();
        var remote = SampleDocuments.WithConfigs(names);
        await server.PutObjectAsync(bucket, "start-claude-config.json", System.Text.Encoding.UTF8.GetBytes(remote));
        home.WriteConfig(SampleDocuments.WithConfigs("local-only"));
        var setup = await ToolProcess.RunAsync(home, null, TimeSpan.FromSeconds(60), SetupArgs.For(server, bucket));
        setup.ExitCode.Should().Be(0, setup.ToString());
        var old = home.ReadConfigBytes();

        // How long an uninterrupted download takes here: the timed kills are spread over it.
        var clock = Stopwatch.StartNew();
        var whole = await ToolProcess.RunAsync(home, null, TimeSpan.FromSeconds(120), "s3-download", "-f");
        var duration = clock.Elapsed;
        whole.ExitCode.Should().Be(0, whole.ToString());

        var rounds = new List<string>();
        var midWrite = 0;
        // From a fifth of the download to past its end, so kills land before, during and after the write.
        for (var round = 0; round < TimedRounds; round++)
        {
            var delay = duration * (0.2 + 1.1 * round / (TimedRounds - 1));
            var (outcome, tornWrite) = await KillOnceAsync(home, old, names.Length, running => Task.Delay(delay));
            rounds.Add($"{delay.TotalMilliseconds:0} ms: {outcome}{(tornWrite ? " (mid-write)" : "")}");
            midWrite += tornWrite ? 1 : 0;
        }
        // The moment config.json's temp file appears, until one kill lands before the rename.
        for (var round = 0; round < MaxOnWriteRounds && midWrite == 0; round++)
        {
            var (outcome, tornWrite) = await KillOnceAsync(home, old, names.Length, TempFileAppearsAsync);
            rounds.Add($"on the write: {outcome}{(tornWrite ? " (mid-write)" : "")}");
            midWrite += tornWrite ? 1 : 0;
        }
        TestContext.Out.WriteLine($"uninterrupted download {duration.TotalMilliseconds:0} ms; kills: {string.Join("; ", rounds)}");

        midWrite.Should().BePositive("some kill must land while config.json was being written (its temp file left behind): " + string.Join("; ", rounds));
        rounds.Should().Contain(r => r.Contains(": old", StringComparison.Ordinal), "some kill must come before the new file is in place");
        rounds.Should().Contain(r => r.Contains(": new", StringComparison.Ordinal), "some kill must come after the new file is in place");
    }

    // Starts s3-download -f over the old config.json, kills it once `killWhen` completes, and says which file
    // it left and whether the kill landed mid-write (config.json's temp file was left behind).
    private static async Task<(string Outcome, bool MidWrite)> KillOnceAsync(TempHome home, byte[] old, int remoteConfigs, Func<Process, Task> killWhen)
    {
        RemoveTempFiles(home);
        File.WriteAllBytes(home.ConfigPath, old);
        var start = new ProcessStartInfo(ToolProcess.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "s3-download", "-f" })
            start.ArgumentList.Add(arg);
        start.Environment["START_CLAUDE_HOME"] = home.Folder;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        await killWhen(process);
        if (!process.HasExited)
            process.Kill();   // the tool starts no child here; one signal, at once
        await process.WaitForExitAsync();

        var midWrite = TempFiles(home).Length > 0;
        var bytes = home.ReadConfigBytes();
        var now = ConfigDocument.Parse(bytes, "config.json after the kill");
        var isOld = bytes.AsSpan().SequenceEqual(old);
        var isNew = now.LiveConfigs.Count == remoteConfigs && now.LiveConfigs[0].Name == "remote-0";
        (isOld || isNew).Should().BeTrue("config.json must be the old file or the downloaded one");
        return (isOld ? "old" : "new", midWrite);
    }

    // Polls without pausing: the write (temp file, flush to disk, rename) lasts milliseconds.
    private static Task TempFileAppearsAsync(Process process) => Task.Run(() =>
    {
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (TempFiles(process.StartInfo.Environment["START_CLAUDE_HOME"]!).Length > 0)
                return;
        }
    });

    // AtomicFile's temp file for config.json: .config.json.<pid>.<guid>.tmp beside it.
    private static string[] TempFiles(string folder) => Directory.GetFiles(folder, ".config.json.*.tmp");

    private static string[] TempFiles(TempHome home) => TempFiles(home.Folder);

    private static void RemoveTempFiles(TempHome home)
    {
        foreach (var path in TempFiles(home))
            File.Delete(path);
    }
}
