using System.Diagnostics;
using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>A download killed at any moment leaves the old config.json or the new one, never a torn one.</summary>
public class KilledProcessTests
{
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
        var outcomes = new List<string>();

        for (var round = 0; round < 12; round++)
        {
            File.WriteAllBytes(home.ConfigPath, old);
            var start = new ProcessStartInfo(ToolProcess.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var arg in new[] { "s3-download", "-f" })
                start.ArgumentList.Add(arg);
            start.Environment["START_CLAUDE_HOME"] = home.Folder;
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            await Task.Delay(40 + round * 35);
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            var now = ConfigDocument.Parse(home.ReadConfigBytes(), "config.json after the kill");
            var isOld = home.ReadConfigBytes().AsSpan().SequenceEqual(old);
            var isNew = now.LiveConfigs.Count == names.Length && now.LiveConfigs[0].Name == "remote-0";
            (isOld || isNew).Should().BeTrue($"round {round}: config.json must be the old file or the downloaded one");
            outcomes.Add(isOld ? "old" : "new");
        }
        TestContext.Out.WriteLine("outcomes: " + string.Join(' ', outcomes));
    }
}
