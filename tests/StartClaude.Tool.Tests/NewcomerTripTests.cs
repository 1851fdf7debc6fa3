using Microsoft.Extensions.DependencyInjection;
using Minio.DataModel.Args;
using Spectre.Console;
using Spectre.Console.Testing;
using StartClaude.Abstractions;
using StartClaude.Core.Configs;
using StartClaude.Core.Local;
using StartClaude.Testing;
using StartClaude.Tool.Commands.Setup;
using StartClaude.Tool.Composition;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Tests;

/// <summary>
/// What a newcomer tripped over (issue 26, items 1, 3, 4, 5, 6, 8 and 13), one test or more per item,
/// against moto_server checking signatures (so a wrong secret really fails) or on Spectre's TestConsole.
/// </summary>
public class NewcomerTripTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    private const string Passphrase = "correct horse battery staple";
    private const string SharedKey = "sk-ant-api03-NEWCOMERshared-key-1234";

    private static TestConsole Terminal(int width = 200)
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = width;
        console.Profile.Capabilities.Ansi = true;
        return console;
    }

    private static string OneConfig(string name, string apiKey, string proxy) =>
        $$$"""{"configs":[{"name":"{{{name}}}","apiKey":"{{{apiKey}}}","httpsProxy":"{{{proxy}}}","isDefault":true}],"settings":{}}""";

    // A and B each hold their own version of one config; B's sync then finds them in conflict.
    private async Task TwoVersionsAsync(string keyA, string proxyA, string keyB, string proxyB)
    {
        DeviceA.WriteConfig(OneConfig("px", keyA, proxyA));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(OneConfig("px", keyB, proxyB));
        await SetUpSyncAsync(DeviceB);
    }

    [Test]
    public async Task Item1_configs_differing_only_in_a_proxy_show_that_field_on_both_sides()
    {
        await TwoVersionsAsync(SharedKey, "http://proxy-a:3128", SharedKey, "http://proxy-b:3128");
        var console = Terminal();
        console.Input.PushKey(ConsoleKey.Enter);                          // this machine's

        var script = await Run(DeviceB, "s3-sync");
        var asked = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, "s3-sync");

        script.ExitCode.Should().Be(3, script.ToString());
        script.Error.Should().Contain("config px: here httpsProxy http://proxy-b:3128, remote httpsProxy http://proxy-a:3128");
        asked.ExitCode.Should().Be(0, asked.ToString());
        asked.Output.Should().Contain("This machine's: httpsProxy http://proxy-b:3128").And.Contain("The remote one: httpsProxy http://proxy-a:3128");
        asked.All.Should().NotContain(SharedKey);
    }

    [Test]
    public async Task Item1_two_keys_with_the_same_last_four_characters_are_told_apart_and_neither_is_shown()
    {
        const string keyA = "sk-ant-api03-AAAAAAAAAAAAAAAAAAAA-1234";
        const string keyB = "sk-ant-api03-BBBBBBBBBBBBBBBBBBBB-1234";
        await TwoVersionsAsync(keyA, "http://proxy:3128", keyB, "http://proxy:3128");

        var script = await Run(DeviceB, "s3-sync");

        script.ExitCode.Should().Be(3, script.ToString());
        var line = script.Error;
        var fingerprints = System.Text.RegularExpressions.Regex.Matches(line, @"key sk-ant-…1234 \(fingerprint ([0-9a-f]{4})\)");
        fingerprints.Should().HaveCount(2, line);
        fingerprints[0].Groups[1].Value.Should().NotBe(fingerprints[1].Groups[1].Value);
        line.Should().NotContain(keyA).And.NotContain(keyB).And.NotContain("AAAA").And.NotContain("BBBB");
    }

    // An encrypted remote that B changed; A does not remember the passphrase and is asked on a terminal.
    private async Task EncryptedRemoteChangedElsewhereAsync()
    {
        var withPassphrase = new Dictionary<string, string> { [PassphrasePrompt.Variable] = Passphrase };
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await RunWith(DeviceA, withPassphrase, [.. SetupArgs.For(Server, Bucket), "--encrypt"])).ExitCode.Should().Be(0);
        (await RunWith(DeviceA, withPassphrase, "s3-sync")).ExitCode.Should().Be(0);
        (await RunWith(DeviceB, withPassphrase, [.. SetupArgs.For(Server, Bucket), "--encrypt"])).ExitCode.Should().Be(0);
        (await RunWith(DeviceB, withPassphrase, "add", "laptop", "--api-key", "sk-ant-api03-laptop-key-LAPTOP00")).ExitCode.Should().Be(0);
    }
}
