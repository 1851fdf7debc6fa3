using Spectre.Console.Testing;
using StartClaude.Abstractions;
using StartClaude.Testing;
using StartClaude.Tool.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace StartClaude.Tool.Tests;

/// <summary>
/// The setup wizard as a person meets it, driven by scripted keystrokes against moto_server in
/// signature-checking mode (so a wrong secret really fails).
/// </summary>
public class SetupWizardTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    private const string WrongSecret = "WRONGsecretWRONGsecretWRONGsecret0000000";

    private static readonly IReadOnlyList<IStorageProvider> Providers = LoadProviders();

    private static IReadOnlyList<IStorageProvider> LoadProviders()
    {
        var services = new ServiceCollection();
        ProviderModuleLoader.Register(services, AppContext.BaseDirectory, _ => { });
        using var provider = services.BuildServiceProvider();
        return new StartClaude.Core.Providers.ProviderCatalog(provider.GetServices<IStorageProvider>()).All;
    }

    private static TestConsole Terminal()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 250;
        return console;
    }

    private SettingsInput Answers(string providerId, string secret) => new(
        Bucket, providerId == "backblaze-b2" ? "us-west-004" : "", Server.AccessKeyId, secret, Server.EndpointUrl, "");

    // Types the answers to a provider's script; an empty answer is Enter (keep the default).
    private static void Type(TestConsole console, IStorageProvider provider, Func<SettingField, string> answer, ISet<SettingField> givenByFlags)
    {
        foreach (var question in provider.PromptScript.Where(q => !givenByFlags.Contains(q.Field)))
            console.Input.PushTextWithEnter(answer(question.Field));
    }

    private static void Select(TestConsole console, int index)
    {
        for (var i = 0; i < index; i++)
            console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);
    }

    [TestCase("aws-s3", "AWS Access Key ID")]
    [TestCase("cloudflare-r2", "R2 Token (Access Key ID)")]
    [TestCase("backblaze-b2", "Application Key ID")]
    [TestCase("s3-compatible", "Custom endpoint URL")]
    public async Task Each_providers_script_leads_to_a_working_setup_after_a_wrong_secret_is_corrected(string providerId, string label)
    {
        var provider = Providers.Single(p => p.Id == providerId);
        var index = Providers.ToList().IndexOf(provider);
        // AWS has no endpoint question (its endpoint is Amazon's); the test server comes as a flag.
        var args = providerId == "aws-s3" ? new[] { "s3-setup", "--endpoint-url", Server.EndpointUrl } : ["s3-setup"];
        var flagged = providerId == "aws-s3" ? new HashSet<SettingField> { SettingField.EndpointUrl } : [];
        var console = Terminal();
        Select(console, index);
        var first = Answers(providerId, WrongSecret);
        if (providerId == "aws-s3")
        {
            // Partly scripted: questions with a default (region, key) are not asked.
            foreach (var field in new[] { SettingField.Bucket, SettingField.AccessKeyId, SettingField.SecretAccessKey })
                console.Input.PushTextWithEnter(first.Get(field)!);
        }
        else
        {
            Type(console, provider, f => first.Get(f)!, flagged);
        }
        Select(console, 0);                                              // re-enter the settings
        Type(console, provider, f => f == SettingField.SecretAccessKey ? Server.SecretAccessKey : "", flagged);
        console.Input.PushTextWithEnter("n");                            // no encryption (EncryptionTests cover it)
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, args);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain(label).And.Contain("Re-enter the settings").And.Contain("Connection OK").And.Contain("Sync is set up");
        result.Error.Should().Contain("secret access key is wrong");
        result.All.Should().NotContain(Server.SecretAccessKey).And.NotContain(WrongSecret);
        var saved = Document(DeviceA.ReadConfigBytes()).S3Sync!;
        saved.ProviderId.Should().Be(providerId);
        saved.Input.SecretAccessKey.Should().Be(Server.SecretAccessKey);
        saved.Input.Bucket.Should().Be(Bucket);
        (await Run(DeviceA, "s3-status")).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task Cancelling_after_a_failed_connection_test_leaves_config_json_byte_for_byte()
    {
        DeviceA.WriteConfig(SampleDocuments.WithUnknownFields);
        var before = DeviceA.ReadConfigBytes();
        var generic = Providers.Single(p => p.Id == "s3-compatible");
        var console = Terminal();
        Select(console, Providers.ToList().IndexOf(generic));
        var answers = Answers("s3-compatible", WrongSecret);
        Type(console, generic, f => answers.Get(f)!, new HashSet<SettingField>());
        Select(console, 1);                                              // cancel

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-setup");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("cancelled");
        DeviceA.ReadConfigBytes().Should().Equal(before);
        File.Exists(Path.Combine(DeviceA.Folder, "sync-state.json")).Should().BeFalse();
    }

    [Test]
    public async Task Re_running_offers_the_stored_values_and_Enter_keeps_them()
    {
        await SetUpSyncAsync(DeviceA);
        var before = Document(DeviceA.ReadConfigBytes()).S3Sync;
        var generic = Providers.Single(p => p.Id == "s3-compatible");
        var console = Terminal();
        console.Input.PushKey(ConsoleKey.Enter);                        // the current provider comes first
        Type(console, generic, _ => "", new HashSet<SettingField>());
        console.Input.PushTextWithEnter("");                             // encryption: Enter keeps the stored choice (off)
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-setup");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Other S3-compatible service (current)").And.Contain(Bucket).And.Contain("Enter keeps");
        result.Output.Should().NotContain(Server.SecretAccessKey);
        Document(DeviceA.ReadConfigBytes()).S3Sync.Should().Be(before);
    }

    [Test]
    public async Task Re_running_with_the_secret_in_AWS_SECRET_ACCESS_KEY_still_asks_every_question()
    {
        await SetUpSyncAsync(DeviceA);
        var before = Document(DeviceA.ReadConfigBytes()).S3Sync;
        var generic = Providers.Single(p => p.Id == "s3-compatible");
        var console = Terminal();
        console.Input.PushKey(ConsoleKey.Enter);                        // the current provider comes first
        Type(console, generic, _ => "", new HashSet<SettingField>());  // Enter keeps each value, the secret the environment's
        console.Input.PushTextWithEnter("");                             // encryption: Enter keeps the stored choice (off)
        console.Input.PushKey(ConsoleKey.Enter);                         // Claude Code files: none

        var result = await ToolRun.RunAsync(DeviceA, new Dictionary<string, string> { ["AWS_SECRET_ACCESS_KEY"] = Server.SecretAccessKey }, console, interactive: true, "s3-setup");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Bucket name").And.Contain("Custom endpoint URL", "the README's exported secret must not make the wizard a scripted run");
        result.Output.Should().NotContain(Server.SecretAccessKey);
        Document(DeviceA.ReadConfigBytes()).S3Sync.Should().Be(before);
    }

    [Test]
    public async Task When_both_sides_differ_the_wizard_offers_merge_and_merges()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));
        var console = Terminal();
        console.Input.PushTextWithEnter("n");                            // no encryption
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none
        console.Input.PushKey(ConsoleKey.Enter);                        // merge

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Found a remote document").And.Contain("plain JSON").And.Contain("holds 1 config").And.Contain("only remote: work").And.Contain("Merge").And.Contain("Cancel");
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "laptop"], result.ToString());
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "laptop"]);
        (await Run(DeviceB, "s3-status")).Output.Should().Contain("in sync");
    }

    [Test]
    public async Task Re_running_setup_against_an_emptied_remote_keeps_this_machines_configs_when_Enter_is_pressed()
    {
        // Issue 22, item 1: pressing Enter through this once deleted both configs here.
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", "{\"configs\":[]}"u8.ToArray());
        var console = Terminal();
        console.Input.PushTextWithEnter("");                             // encryption: Enter keeps the remote's form
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none
        console.Input.PushKey(ConsoleKey.Enter);                        // the first choice

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Keep this machine's configs");
        result.Error.Should().Contain("deleted all 2");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "home"], result.ToString());
        Document((await RemoteBytesAsync())!).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "home"]);
    }

    [Test]
    public async Task Scripted_setup_against_an_emptied_remote_leaves_both_sides_as_they_are()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work", "home"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", "{\"configs\":[]}"u8.ToArray());

        var result = await Run(DeviceA, [.. SetupArgs.For(Server, Bucket), "--yes"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("left as they are");
        Document(DeviceA.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["work", "home"]);
        Document((await RemoteBytesAsync())!).LiveConfigs.Should().BeEmpty();
    }

    [Test]
    public async Task Cancelling_the_conflict_choice_changes_nothing_anywhere()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        DeviceB.WriteConfig(SampleDocuments.WithConfigs("laptop"));
        var before = DeviceB.ReadConfigBytes();
        var remoteBefore = await RemoteBytesAsync();
        var console = Terminal();
        console.Input.PushTextWithEnter("n");                            // no encryption
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none
        Select(console, 3);                                              // cancel

        var result = await ToolRun.RunAsync(DeviceB, null, console, interactive: true, [.. SetupArgs.For(Server, Bucket)]);

        result.ExitCode.Should().Be(1);
        DeviceB.ReadConfigBytes().Should().Equal(before);
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
    }

    [Test]
    public async Task An_invalid_file_path_is_refused_at_its_question_saying_why_and_asked_again()
    {
        var generic = Providers.Single(p => p.Id == "s3-compatible");
        var console = Terminal();
        Select(console, Providers.ToList().IndexOf(generic));
        var answers = Answers("s3-compatible", Server.SecretAccessKey);
        foreach (var question in generic.PromptScript)
        {
            if (question.Field == SettingField.Key)
                console.Input.PushTextWithEnter("team//cfg.json");        // refused: an empty folder name
            console.Input.PushTextWithEnter(question.Field == SettingField.Key ? "team/cfg.json" : answers.Get(question.Field)!);
        }
        console.Input.PushTextWithEnter("n");                            // no encryption
        console.Input.PushKey(ConsoleKey.Enter);                     // Claude Code files: none

        var result = await ToolRun.RunAsync(DeviceA, null, console, interactive: true, "s3-setup");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("must not contain an empty folder name ('//')");
        Document(DeviceA.ReadConfigBytes()).S3Sync!.Input.Key.Should().Be("team/cfg.json");
    }
}
