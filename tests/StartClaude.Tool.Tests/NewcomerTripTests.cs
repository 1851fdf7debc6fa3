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

    private static readonly IReadOnlyList<IStorageProvider> Providers = LoadProviders();

    private static IReadOnlyList<IStorageProvider> LoadProviders()
    {
        var services = new ServiceCollection();
        ProviderModuleLoader.Register(services, AppContext.BaseDirectory, _ => { });
        using var provider = services.BuildServiceProvider();
        return new Core.Providers.ProviderCatalog(provider.GetServices<IStorageProvider>()).All;
    }

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

    [Test]
    public async Task Item3_a_wrong_passphrase_in_s3_sync_is_asked_again_three_times_in_all_with_a_spinner()
    {
        await EncryptedRemoteChangedElsewhereAsync();
        var console = Terminal();
        console.Input.PushTextWithEnter("not it");
        console.Input.PushTextWithEnter("not it either");
        console.Input.PushTextWithEnter(Passphrase);

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-sync");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("try again (2 of 3)").And.Contain("try again (3 of 3)");
        result.Output.Should().Contain("Deriving the key from the passphrase");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo("work", "laptop");
        result.All.Should().NotContain(Passphrase).And.NotContain("not it");
    }

    [Test]
    public async Task Item3_three_wrong_passphrases_end_it_and_one_from_the_environment_gets_no_second_try()
    {
        await EncryptedRemoteChangedElsewhereAsync();
        var before = DeviceA.ReadConfigBytes();
        var console = Terminal();
        foreach (var wrong in new[] { "wrong 1", "wrong 2", "wrong 3" })
            console.Input.PushTextWithEnter(wrong);
        var fromEnvironment = Terminal();

        var typed = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-sync");
        var scripted = await ToolRun.RunAsync(DeviceA, new Dictionary<string, string> { [PassphrasePrompt.Variable] = "wrong" }, fromEnvironment, interactive: true, "s3-sync");

        typed.ExitCode.Should().Be(1, typed.ToString());
        typed.Error.Should().Contain("the passphrase does not open the remote document");
        typed.Output.Should().Contain("(3 of 3)").And.NotContain("(4 of 3)");
        scripted.ExitCode.Should().Be(1, scripted.ToString());
        scripted.Output.Should().NotContain("try again");
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Item3_the_spinner_shows_only_when_the_output_is_a_terminal(bool outputIsTerminal)
    {
        var terminal = Terminal();
        var console = new ToolConsole(terminal, new StringWriter(), isInteractive: true, outputIsTerminal);
        var source = new PassphrasePrompt(AppEnvironment.From(new Dictionary<string, string>()), new Tool.Console.Prompts(console), console);

        var derived = source.WhileDeriving(() => [1, 2, 3]);

        derived.Should().Equal(1, 2, 3);
        if (outputIsTerminal)
            terminal.Output.Should().Contain("Deriving the key from the passphrase");
        else
            terminal.Output.Should().BeEmpty();
    }

    [Test]
    public async Task Item4_an_api_key_with_an_inner_space_is_refused_by_the_same_rule_as_an_S3_secret()
    {
        var console = Terminal();
        console.Input.PushTextWithEnter("personal");
        console.Input.PushKey(ConsoleKey.Enter);                          // profile type: default
        console.Input.PushTextWithEnter("");                              // base URL: Anthropic's
        console.Input.PushTextWithEnter("sk-ant-personal 999");           // refused
        console.Input.PushTextWithEnter("sk-ant-personal-999");
        console.Input.PushTextWithEnter("");                              // model: none

        var asked = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "add");
        var flagged = await Run(DeviceA, "add", "other", "--api-key", "sk-ant-other 999");

        asked.ExitCode.Should().Be(0, asked.ToString());
        asked.Output.Should().Contain("must not contain spaces");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Single().ApiKey.Should().Be("sk-ant-personal-999");
        flagged.ExitCode.Should().Be(2, flagged.ToString());
        flagged.Error.Should().Contain("apiKey must not contain spaces");
        FieldValue.Problem(ConfigFields.ApiKey, "sk-ant-personal 999").Should().Be(SettingRules.CheckSecret("sk-ant-personal 999", "apiKey"));
        FieldValue.Problem(ConfigFields.CustomHeaders, "X-Team: blue").Should().BeNull("header lines hold spaces by their nature");
    }

    [Test]
    public void Item5_typing_a_mistyped_region_again_keeps_the_default_for_Enter()
    {
        // Numbered menus (TERM=dumb): the last choice is "Type the region again".
        var terminal = new TestConsole().Interactive();
        terminal.Profile.Width = 120;
        terminal.Profile.Capabilities.Ansi = false;
        var console = new ToolConsole(terminal, new StringWriter(), isInteractive: true);
        var aws = Providers.Single(p => p.Id == "aws-s3");
        var choices = ClosestWords.To("us-est-1", aws.Regions!.All).Count + 2;
        terminal.Input.PushTextWithEnter("my-bucket");
        terminal.Input.PushTextWithEnter("us-est-1");
        terminal.Input.PushTextWithEnter(choices.ToString(System.Globalization.CultureInfo.InvariantCulture));
        terminal.Input.PushTextWithEnter("");                             // Enter: the default region
        terminal.Input.PushTextWithEnter("AKIAEXAMPLEKEYID0001");
        terminal.Input.PushTextWithEnter("secretValueForTheRegionTest000000000000");
        terminal.Input.PushTextWithEnter("");

        var settings = new SetupQuestions(new Tool.Console.Prompts(console), console).Gather(aws, new SettingsInput(), null, askEverything: true);

        settings.Region.Should().Be("us-east-1");
        terminal.Output.Should().Contain("Type the region again").And.NotContain("the region is empty");
    }

    [Test]
    public async Task Item6_history_columns_line_up_with_36_character_version_ids()
    {
        var client = Server.Client();
        try
        {
            await client.SetVersioningAsync(new SetVersioningArgs().WithBucket(Bucket).WithVersioningEnabled());
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);

        var result = await Run(DeviceA, "s3-history");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.Single(l => l.TrimStart().StartsWith("VERSION", StringComparison.Ordinal));
        var row = lines[lines.IndexOf(header) + 1];
        var versionId = row[2..].Split(' ')[0];
        versionId.Length.Should().Be(36, "moto's version ids are UUIDs");
        header.IndexOf("WRITTEN", StringComparison.Ordinal).Should().Be(2 + versionId.Length + 1, result.Output);
        header.IndexOf("DEVICE", StringComparison.Ordinal).Should().Be(row.IndexOf(row.Split("  ").Last(), StringComparison.Ordinal), result.Output);
    }

    [TestCase(20)]
    [TestCase(30)]
    [TestCase(40)]
    public void Item6_plain_lines_on_a_narrow_terminal_break_between_words(int width)
    {
        var terminal = Terminal(width);
        var console = new ToolConsole(terminal, new StringWriter(), isInteractive: true);
        const string settings = "Other S3-compatible service settings (Enter keeps the value shown):";
        const string fix = "        fix: re-run start-claude s3-setup with the right access key id and secret";

        console.Plain(settings);
        console.Plain(fix);

        var lines = terminal.Output.Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).ToList();
        lines.Should().OnlyContain(l => l.Length <= width, terminal.Output);
        var words = lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        words.Should().Equal(settings.Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(fix.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        lines.SkipWhile(l => !l.Contains("fix:", StringComparison.Ordinal)).Skip(1)
            .Should().NotBeEmpty().And.OnlyContain(l => l.StartsWith("        ", StringComparison.Ordinal), "a fix's continuation keeps its indentation");
    }

    [TestCase("edt", "edit", "work", "--model", "m")]
    [TestCase("remov", "remove", "x")]
    [TestCase("ad", "add", "work", "--api-key", "sk-ant-api03-AD-key-0000")]
    [TestCase("defualt", "default", "work")]
    [TestCase("shwo", "show", "work")]
    public async Task Item8_a_misspelt_command_before_a_name_is_named_with_the_command_meant(string typed, string meant, params string[] rest)
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));

        var result = await Run(DeviceA, [typed, .. rest]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain($"'{typed}' is not a command; did you mean start-claude {meant}?").And.NotContain($"argument '{rest[0]}'");
        result.All.Should().NotContain("sk-ant-api03-AD-key-0000");
    }

    [Test]
    public async Task Item8_s3_with_an_unknown_verb_is_not_taken_for_a_config()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));

        var bogus = await Run(DeviceA, "s3", "bogus");
        var close = await Run(DeviceA, "s3", "synk");

        bogus.ExitCode.Should().Be(2, bogus.ToString());
        bogus.Error.Should().Contain("'s3 bogus' is not a command").And.Contain("s3-sync").And.NotContain("no config named");
        close.ExitCode.Should().Be(2, close.ToString());
        close.Error.Should().Contain("did you mean start-claude s3-sync?");
    }

    [Test]
    public async Task Item8_a_launch_option_before_a_command_without_it_is_not_advised_after_it()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));

        var list = await Run(DeviceA, "--api-key", "sk-ant-api03-LIST-key-0000", "list");
        var edit = await Run(DeviceA, "--model", "m", "edit", "work");

        list.ExitCode.Should().Be(2, list.ToString());
        list.Error.Should().Contain("'list' takes no --api-key").And.NotContain("start-claude list [options]").And.NotContain("sk-ant-api03-LIST-key-0000");
        edit.ExitCode.Should().Be(2, edit.ToString());
        edit.Error.Should().Contain("put it after the command: start-claude edit --model");
    }

    [Test]
    public async Task Item8_an_unknown_option_gets_the_nearest_and_the_commands_own_help()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));

        var result = await Run(DeviceA, "list", "--jsn");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("Unrecognized option '--jsn'; did you mean --json?").And.Contain("(see start-claude list --help)");
    }

    [Test]
    public async Task Item13_remove_answered_no_removes_nothing_and_is_not_an_error()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        var before = DeviceA.ReadConfigBytes();
        var console = Terminal();
        console.Input.PushTextWithEnter("n");

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "remove", "home");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Nothing removed: 'home' is kept.");
        result.Error.Should().BeEmpty();
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Item13_add_without_a_terminal_or_a_field_flag_fails_naming_the_flag()
    {
        var result = await Run(DeviceA, "add", "foo");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("--api-key");
        DeviceA.ConfigExists.Should().BeFalse();
    }

    [TestCase("backblaze-b2", "is not Backblaze B2's")]
    [TestCase("cloudflare-r2", "is not Cloudflare R2's")]
    public async Task Item13_an_endpoint_on_a_host_that_is_not_the_providers_gets_a_warning(string provider, string warning)
    {
        var result = await Run(DeviceA, SetupArgs.For(Server, Bucket, provider));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain($"warning: the endpoint host '127.0.0.1' {warning}");
    }

    [Test]
    public async Task Item13_the_wizard_offers_its_own_re_entry_instead_of_re_running_setup()
    {
        var generic = Providers.Single(p => p.Id == "s3-compatible");
        var console = Terminal();
        for (var i = 0; i < Providers.ToList().IndexOf(generic); i++)
            console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);
        var answers = new SettingsInput(Bucket, "", Server.AccessKeyId, "WRONGsecretWRONGsecretWRONGsecret0000000", Server.EndpointUrl, "");
        foreach (var question in generic.PromptScript)
            console.Input.PushTextWithEnter(answers.Get(question.Field) ?? "");
        console.Input.PushKey(ConsoleKey.DownArrow);                      // cancel
        console.Input.PushKey(ConsoleKey.Enter);

        var wizard = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-setup");
        var script = await Run(DeviceA, SetupArgs.For(Server, Bucket, secret: "WRONGsecretWRONGsecretWRONGsecret0000000"));

        wizard.Output.Should().Contain("Re-enter the settings");
        wizard.Error.Should().Contain("secret access key is wrong").And.NotContain("re-run start-claude s3-setup");
        script.ExitCode.Should().Be(1, script.ToString());
        script.Error.Should().Contain("re-run start-claude s3-setup with the right secret");
    }

    [TestCase("C", null, null, false)]
    [TestCase("POSIX", null, null, false)]
    [TestCase("en_US.ISO-8859-1", null, null, false)]
    [TestCase("en_US.UTF-8", null, null, true)]
    [TestCase("en_US.utf8", null, null, true)]
    [TestCase("en_US.UTF-8", null, "C", false)]
    [TestCase("C", "C.UTF-8", null, true)]
    [TestCase(null, null, null, true)]
    public void Item13_the_locale_decides_whether_the_terminal_gets_UTF_8(string? lang, string? lcCtype, string? lcAll, bool utf8)
    {
        var variables = new Dictionary<string, string?> { ["LANG"] = lang, ["LC_CTYPE"] = lcCtype, ["LC_ALL"] = lcAll };

        TerminalCharset.IsUtf8(name => variables.GetValueOrDefault(name)).Should().Be(utf8);
    }

    [Test]
    public void Item13_without_UTF_8_the_mask_spinner_and_borders_are_ASCII()
    {
        using var home = new TempHome();
        home.WriteConfig(OneConfig("work", SharedKey, "http://proxy:3128"));
        var terminal = Terminal();
        var error = new StringWriter();
        var console = new ToolConsole(terminal, error, isInteractive: true) { AsciiOnly = true };
        var environment = AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder });

        var list = StartClaudeApp.Run(["list"], console, environment);
        var show = StartClaudeApp.Run(["show", "work"], console, environment);
        console.Warn("the key sk-ant-…1234 — check it");
        console.Out.Status().Spinner(Spinner.Known.Dots).Start("working", _ => Thread.Sleep(300));

        list.Should().Be(0, error.ToString());
        show.Should().Be(0, error.ToString());
        terminal.Output.Should().Contain("sk-ant-...1234").And.NotContain("…").And.NotContain("╭").And.NotContain("│").And.NotContain("┌");
        terminal.Output.Should().NotContain("⠋").And.NotContain("⠙");
        error.ToString().Should().Contain("sk-ant-...1234 - check it").And.NotContain("…");
    }
}
