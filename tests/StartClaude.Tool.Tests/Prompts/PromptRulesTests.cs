using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;
using StartClaude.Abstractions;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Tool.Commands.Setup;
using StartClaude.Tool.Composition;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Tests.Prompts;

/// <summary>
/// The rules every question follows (see <see cref="Tool.Console.Prompts"/>), one test per rule, on Spectre's
/// TestConsole and without a server, in the Given/When/Then shape of spectre.console's own prompt tests.
/// </summary>
public sealed class PromptRulesTests
{
    private const string StoredSecret = "zb80Q7xWq9Lp2Vt5Rn8Ky3Hm6Jd4Gf1x9x2X";

    private static readonly IReadOnlyList<IStorageProvider> Providers = LoadProviders();

    private static IReadOnlyList<IStorageProvider> LoadProviders()
    {
        var services = new ServiceCollection();
        ProviderModuleLoader.Register(services, AppContext.BaseDirectory, _ => { });
        using var provider = services.BuildServiceProvider();
        return [.. provider.GetServices<IStorageProvider>()];
    }

    private static IStorageProvider Provider(string id) => Providers.Single(p => p.Id == id);

    private static (TestConsole Terminal, ToolConsole Console, StringWriter Error) Terminal(bool ansi = true, int width = 120)
    {
        var terminal = new TestConsole().Interactive();
        terminal.Profile.Capabilities.Ansi = ansi;
        terminal.Profile.Width = width;
        var error = new StringWriter();
        return (terminal, new ToolConsole(terminal, error, isInteractive: true), error);
    }

    private static readonly IReadOnlyList<(string Value, string Label)> ThreeChoices = [("a", "Apples"), ("b", "Bananas"), ("c", "Cherries")];

    [Test]
    public void A_terminal_that_cannot_move_the_cursor_gets_numbered_choices()
    {
        // Given TERM=dumb: no ANSI, so arrow keys cannot redraw a menu
        var (terminal, console, _) = Terminal(ansi: false);
        terminal.Input.PushTextWithEnter("7");
        terminal.Input.PushTextWithEnter("2");

        // When
        var chosen = new Tool.Console.Prompts(console).Choose("Which fruit?", ThreeChoices, "--fruit");

        // Then
        chosen.Should().Be("b");
        terminal.Output.Should().Contain("1) Apples").And.Contain("3) Cherries").And.Contain("type a number from 1 to 3");
    }

    [Test]
    public void Arrow_keys_choose_where_the_terminal_can_redraw()
    {
        // Given
        var (terminal, console, _) = Terminal(ansi: true);
        terminal.Input.PushKey(ConsoleKey.DownArrow);
        terminal.Input.PushKey(ConsoleKey.DownArrow);
        terminal.Input.PushKey(ConsoleKey.Enter);

        // When
        var chosen = new Tool.Console.Prompts(console).Choose("Which fruit?", ThreeChoices, "--fruit");

        // Then
        chosen.Should().Be("c");
        terminal.Output.Should().NotContain("1) Apples");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void The_chosen_item_is_echoed(bool ansi)
    {
        // Given
        var (terminal, console, _) = Terminal(ansi);
        if (ansi)
            terminal.Input.PushKey(ConsoleKey.DownArrow);
        terminal.Input.PushTextWithEnter(ansi ? "" : "2");

        // When
        new Tool.Console.Prompts(console).Choose("Which fruit?", ThreeChoices, "--fruit");

        // Then
        terminal.Output.TrimEnd().Split('\n')[^1].Should().Contain("Which fruit? Bananas");
    }

    [Test]
    public void Menus_and_questions_fit_forty_columns()
    {
        // Given a narrow terminal without colour or cursor movement
        var (terminal, console, _) = Terminal(ansi: false, width: 40);
        terminal.Input.PushTextWithEnter("1");
        terminal.Input.PushTextWithEnter("my-bucket");
        var prompts = new Tool.Console.Prompts(console);

        // When
        prompts.Choose("Which storage service holds your configs?", [(1, "Other S3-compatible service (current)"), (2, "Amazon S3")], "--provider");
        var answer = prompts.Ask("Bucket name of the service that holds the document", "--bucket", null, _ => null);

        // Then
        answer.Should().Be("my-bucket");
        terminal.Output.Split('\n').Should().OnlyContain(line => line.TrimEnd().Length <= 40);
    }

    [Test]
    public void A_stored_secret_is_never_shown_and_Enter_keeps_it()
    {
        // Given a secret stored by an earlier setup
        var (terminal, console, error) = Terminal();
        terminal.Input.PushTextWithEnter("");

        // When
        var answer = new Tool.Console.Prompts(console).Ask("Secret Access Key", "--secret-access-key", StoredSecret, _ => null, secret: true);

        // Then
        answer.Should().Be(StoredSecret);
        var shown = terminal.Output + error;
        shown.Should().Contain("Enter keeps the stored secret");
        for (var i = 0; i + 4 <= StoredSecret.Length; i++)
            shown.Should().NotContain(StoredSecret.Substring(i, 4), "no 4 characters of a stored secret may be shown");
        shown.Should().NotContain("****", "not even its length is shown");
    }

    [TestCase("API key")]
    [TestCase("Secret Access Key")]
    [TestCase("Passphrase")]
    public void Surrounding_whitespace_is_trimmed_from_every_secret_before_it_is_checked(string label)
    {
        // Given a secret pasted with a space before and after
        var (terminal, console, _) = Terminal();
        terminal.Input.PushTextWithEnter("  pasted-secret-value ");
        var checkedValues = new List<string>();

        // When
        var answer = new Tool.Console.Prompts(console).Ask(label, "--x", null, value =>
        {
            checkedValues.Add(value);
            return value.Any(char.IsWhiteSpace) ? "must not contain spaces" : null;
        }, secret: true);

        // Then: accepted at once, and what was checked is what is kept
        answer.Should().Be("pasted-secret-value");
        checkedValues.Should().Equal("pasted-secret-value");
        terminal.Output.Should().NotContain("must not contain spaces");
    }

    [Test]
    public void A_refused_answer_is_asked_again_with_the_reason()
    {
        // Given
        var (terminal, console, _) = Terminal();
        terminal.Input.PushTextWithEnter("Bad_Name");
        terminal.Input.PushTextWithEnter("good-name");

        // When
        var answer = new Tool.Console.Prompts(console).Ask("Bucket name", "--bucket", null, SettingRules.CheckBucket);

        // Then
        answer.Should().Be("good-name");
        terminal.Output.Should().Contain("may hold only lowercase letters");
    }

    [Test]
    public void Text_from_a_document_is_shown_with_control_characters_escaped()
    {
        // Given a config name that came from the bucket, written to retitle the window and clear the screen
        const string hostile = "r\u001b]0;OWNED\u0007\u001b[2J";
        var (terminal, console, _) = Terminal(ansi: false);
        terminal.Input.PushTextWithEnter("1");
        terminal.Input.PushTextWithEnter("");

        // When
        var prompts = new Tool.Console.Prompts(console);
        prompts.Choose($"Which configuration? ({hostile})", [(1, hostile)], "a config name");
        prompts.Ask("Name", "--rename", hostile, _ => null);

        // Then
        terminal.Output.Should().NotContain("\u001b").And.NotContain("\u0007");
        terminal.Output.Should().Contain(@"r\u001b]0;OWNED\u0007\u001b[2J");
    }

    [Test]
    public void Two_different_passphrases_ask_again_and_three_mismatches_stop_without_a_change()
    {
        // Given
        var (terminal, console, _) = Terminal();
        foreach (var (first, second) in new[] { ("one", "two"), ("three", "four"), ("five", "six") })
        {
            terminal.Input.PushTextWithEnter(first);
            terminal.Input.PushTextWithEnter(second);
        }
        var source = new PassphrasePrompt(AppEnvironment.From(new Dictionary<string, string>()), new Tool.Console.Prompts(console), console);

        // When
        var act = () => source.Get("s3://b/k", remembered: null, isNew: true);

        // Then
        act.Should().Throw<UsageException>().WithMessage("*differed 3 times*nothing was changed*");
        terminal.Output.Should().Contain("The two passphrases differ; type it twice again.");
    }

    [Test]
    public void A_passphrase_mismatch_is_corrected_by_typing_it_twice_again()
    {
        // Given
        var (terminal, console, _) = Terminal();
        terminal.Input.PushTextWithEnter("correct horse");
        terminal.Input.PushTextWithEnter("correct hrose");
        terminal.Input.PushTextWithEnter("correct horse");
        terminal.Input.PushTextWithEnter(" correct horse ");

        // When
        var passphrase = new PassphrasePrompt(AppEnvironment.From(new Dictionary<string, string>()), new Tool.Console.Prompts(console), console)
            .Get("s3://b/k", remembered: null, isNew: true);

        // Then: the second pair matches once surrounding spaces are trimmed, as for every secret
        passphrase.Should().Be("correct horse");
    }

    [Test]
    public void A_changed_region_offers_a_fresh_endpoint_default()
    {
        // Given Backblaze B2 set up for us-west-004, its endpoint derived from that region
        var (terminal, console, _) = Terminal();
        var b2 = Provider("backblaze-b2");
        var stored = new SettingsInput("bucket-one", "us-west-004", "0040000000000000000000001", "K004storedSecretValueForTheTest", "https://s3.us-west-004.backblazeb2.com", "start-claude-config.json");
        terminal.Input.PushTextWithEnter("");                 // bucket
        terminal.Input.PushTextWithEnter("eu-central-003");   // region changed
        terminal.Input.PushTextWithEnter("");                 // key id
        terminal.Input.PushTextWithEnter("");                 // secret: Enter keeps it
        terminal.Input.PushTextWithEnter("");                 // endpoint: Enter takes the offer
        terminal.Input.PushTextWithEnter("");                 // file path

        // When
        var settings = new SetupQuestions(new Tool.Console.Prompts(console), console).Gather(b2, new SettingsInput(), stored, askEverything: true);

        // Then
        settings.Region.Should().Be("eu-central-003");
        settings.EndpointUrl.Should().Be("https://s3.eu-central-003.backblazeb2.com");
        terminal.Output.Should().Contain("(https://s3.eu-central-003.backblazeb2.com)");
    }

    [Test]
    public void An_unknown_region_gets_the_closest_listed_one()
    {
        // Given an AWS region with a typo
        var (terminal, console, _) = Terminal();
        var aws = Provider("aws-s3");
        terminal.Input.PushTextWithEnter("my-bucket");
        terminal.Input.PushTextWithEnter("us-est-1");
        terminal.Input.PushKey(ConsoleKey.Enter);             // "Use us-east-1"
        terminal.Input.PushTextWithEnter("AKIAEXAMPLEKEYID0001");
        terminal.Input.PushTextWithEnter("secretValueForTheRegionTest000000000000");
        terminal.Input.PushTextWithEnter("");

        // When
        var settings = new SetupQuestions(new Tool.Console.Prompts(console), console).Gather(aws, new SettingsInput(), null, askEverything: true);

        // Then
        terminal.Output.Should().Contain("'us-est-1' is not among the AWS regions this version knows; did you mean us-east-1");
        settings.Region.Should().Be("us-east-1");
    }

    [Test]
    public void A_region_newer_than_the_list_can_be_accepted_on_purpose()
    {
        // Given a Backblaze B2 region this version has never heard of
        var (terminal, console, _) = Terminal();
        var b2 = Provider("backblaze-b2");
        terminal.Input.PushTextWithEnter("my-bucket");
        terminal.Input.PushTextWithEnter("ap-south-009");
        terminal.Input.PushKey(ConsoleKey.DownArrow);         // past any suggestion...
        terminal.Input.PushKey(ConsoleKey.DownArrow);
        terminal.Input.PushKey(ConsoleKey.DownArrow);
        terminal.Input.PushKey(ConsoleKey.DownArrow);
        terminal.Input.PushKey(ConsoleKey.UpArrow);           // ...to "Keep" (the one before "Type the region again")
        terminal.Input.PushKey(ConsoleKey.Enter);
        terminal.Input.PushTextWithEnter("0040000000000000000000001");
        terminal.Input.PushTextWithEnter("K004secretValueForTheTest");
        terminal.Input.PushTextWithEnter("");
        terminal.Input.PushTextWithEnter("");

        // When
        var settings = new SetupQuestions(new Tool.Console.Prompts(console), console).Gather(b2, new SettingsInput(), null, askEverything: true);

        // Then
        settings.Region.Should().Be("ap-south-009");
        settings.EndpointUrl.Should().Be("https://s3.ap-south-009.backblazeb2.com");
        terminal.Output.Should().Contain("a region newer than this version's list");
    }

    [Test]
    public void Without_a_terminal_an_unknown_region_is_refused_unless_accepted_by_flag()
    {
        // Given a script passing a mistyped region
        var console = new ToolConsole(new TestConsole(), new StringWriter(), isInteractive: false);
        var questions = new SetupQuestions(new Tool.Console.Prompts(console), console);
        var flags = new SettingsInput("my-bucket", "us-est-1", "AKIAEXAMPLEKEYID0001", "secretValueForTheRegionTest000000000000");

        // When
        var refused = () => questions.Gather(Provider("aws-s3"), flags, null, askEverything: false);
        var accepted = questions.Gather(Provider("aws-s3"), flags, null, askEverything: false, acceptNewRegion: true);

        // Then
        refused.Should().Throw<UsageException>().WithMessage("*did you mean us-east-1*--accept-new-region*");
        accepted.Region.Should().Be("us-est-1");
    }

    [Test]
    public void A_mistake_in_the_wizard_is_named_by_its_question_and_asked_again()
    {
        // Given a partly scripted setup on a terminal whose bucket flag is wrong
        var (terminal, console, _) = Terminal();
        var generic = Provider("s3-compatible");
        var flags = new SettingsInput(Bucket: "Bad_Bucket", AccessKeyId: "id-0001", EndpointUrl: "http://127.0.0.1:9");
        terminal.Input.PushTextWithEnter("secretValueForTheWizardTest0000000000000");   // the one question flags leave open
        terminal.Input.PushTextWithEnter("good-bucket");                                  // the bucket, asked again

        // When
        var settings = new SetupQuestions(new Tool.Console.Prompts(console), console).Gather(generic, flags, null, askEverything: false);

        // Then
        settings.Bucket.Should().Be("good-bucket");
        terminal.Output.Should().Contain("Bucket name: the bucket name 'Bad_Bucket'").And.Contain("Please answer it again");
        terminal.Output.Should().NotContain("--bucket");
    }
}
