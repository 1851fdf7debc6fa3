using System.Text.Json.Nodes;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>--verbose and --json are parsed options of the chosen command (CommandBase, JsonCommandBase).</summary>
public class CommonOptionsTests : DeviceTestBase
{
    [Test]
    public async Task Verbose_traces_before_or_after_the_command_and_only_when_given()
    {
        await SetUpSyncAsync(DeviceA);

        var before = await Run(DeviceA, "--verbose", "s3-status");
        var after = await Run(DeviceA, "s3-status", "--verbose");
        var without = await Run(DeviceA, "s3-status");

        before.Error.Should().Contain("http: ", before.ToString());
        after.Error.Should().Contain("http: ", after.ToString());
        without.Error.Should().NotContain("http: ");
    }

    [Test]
    public async Task A_launch_option_before_another_command_is_refused_not_ignored()
    {
        const string key = "sk-ant-api03-COMMONOPTIONSkeyCOMMON-Aa11";
        await SetUpSyncAsync(DeviceA);

        var result = await Run(DeviceA, "--api-key", key, "s3-status", "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        json["command"]!.GetValue<string>().Should().Be("s3-status");
        json["error"]!.GetValue<string>().Should().Contain("--api-key is for starting a config");
        result.All.Should().NotContain(key);
    }
}
