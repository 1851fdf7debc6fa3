using System.Text.Json.Nodes;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Times stay UTC from the wire to the screen, whatever the machine's time zone.</summary>
[NonParallelizable]
public class UtcTimesTests : DeviceTestBase
{
    [Test]
    public async Task The_remote_time_is_the_same_instant_under_a_non_UTC_time_zone()
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", "Europe/Berlin");
        TimeZoneInfo.ClearCachedData();
        try
        {
            TimeZoneInfo.Local.BaseUtcOffset.Should().Be(TimeSpan.FromHours(1), "the test must run in a zone that is not UTC");
            DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
            await SetUpSyncAsync(DeviceA);
            var before = DateTimeOffset.UtcNow.AddSeconds(-5);
            (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
            var after = DateTimeOffset.UtcNow.AddSeconds(5);
            // The next read must fetch the document (not a 304) to carry its Last-Modified.
            File.Delete(Path.Combine(DeviceA.Folder, "sync-state.json"));

            var status = await Run(DeviceA, "s3-status", "--json");
            var plain = await Run(DeviceA, "s3-status");

            status.ExitCode.Should().Be(0, status.ToString());
            var json = JsonNode.Parse(status.Output)!;
            var modified = DateTimeOffset.Parse((string)json["remote"]!["lastModified"]!, System.Globalization.CultureInfo.InvariantCulture);
            modified.Offset.Should().Be(TimeSpan.Zero);
            modified.Should().BeOnOrAfter(before).And.BeOnOrBefore(after);
            plain.Output.Should().Contain($"last modified {modified.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
