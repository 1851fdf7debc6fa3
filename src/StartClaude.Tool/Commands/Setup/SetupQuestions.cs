using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>
/// Turns flags, stored settings and (on a terminal) answers to the provider's prompt script into
/// complete, checked settings. Flags always win; without a terminal nothing is asked and a missing
/// answer is a usage error naming its flag.
/// </summary>
internal sealed class SetupQuestions(Prompts prompts, ToolConsole console)
{
    public const string SecretVariable = "AWS_SECRET_ACCESS_KEY";

    /// <param name="provider">The chosen provider.</param>
    /// <param name="flags">Values given on the command line (and the secret from the environment).</param>
    /// <param name="previous">Stored settings, or the answers of a failed attempt: offered as defaults.</param>
    /// <param name="askEverything">Ask every question flags leave open, even those with a default (re-entry).</param>
    public S3SyncSettings Gather(IStorageProvider provider, SettingsInput flags, SettingsInput? previous, bool askEverything)
    {
        var input = Overlay(previous ?? new SettingsInput(), flags);

        if (prompts.CanAsk && (askEverything || !provider.Resolve(flags).IsValid))
            input = Ask(provider, input, flags, askEverything);

        var resolution = provider.Resolve(input);
        if (resolution.IsValid)
            return resolution.Settings!;
        var reasons = resolution.Problems.Select(p => input.Get(p.Field) is null
            ? $"{FlagOf(p.Field)} is required ({p.Message})"
            : $"{FlagOf(p.Field)}: {p.Message}");
        throw new UsageException(string.Join("; ", reasons));
    }

    private SettingsInput Ask(IStorageProvider provider, SettingsInput input, SettingsInput flags, bool askEverything)
    {
        // A partly scripted run asks only what neither a flag, a stored value nor a default answers.
        var partlyScripted = !askEverything && Enum.GetValues<SettingField>().Any(f => flags.Get(f) is not null);
        console.Plain($"{provider.DisplayName} settings (Enter keeps the value shown):");
        foreach (var question in provider.PromptScript)
        {
            if (flags.Get(question.Field) is not null)
                continue;
            var current = input.Get(question.Field) ?? question.SuggestedDefault?.Invoke(input);
            if (partlyScripted && current is not null)
            {
                input = input.With(question.Field, current);
                continue;
            }
            if (question.Hint is { } hint)
                console.Plain("  " + hint);
            var label = question.IsSecret && current is not null ? $"{question.Label} (Enter keeps {SecretMask.Mask(current)})" : question.Label;
            var answered = input;
            var answer = prompts.Ask(label, FlagOf(question.Field), current,
                value => provider.CheckAnswer(question.Field, value.Trim(), answered), question.IsSecret);
            input = input.With(question.Field, question.IsSecret ? answer : answer.Trim());
        }
        return input;
    }

    /// <summary><paramref name="under"/> with every field <paramref name="over"/> gives replaced by it.</summary>
    public static SettingsInput Overlay(SettingsInput under, SettingsInput over)
    {
        foreach (var field in Enum.GetValues<SettingField>())
        {
            if (over.Get(field) is { } value)
                under = under.With(field, value);
        }
        return under;
    }

    public static string FlagOf(SettingField field) => field switch
    {
        SettingField.Bucket => "--bucket",
        SettingField.Region => "--region",
        SettingField.AccessKeyId => "--access-key-id",
        SettingField.SecretAccessKey => $"--secret-access-key (or {SecretVariable})",
        SettingField.EndpointUrl => "--endpoint-url",
        SettingField.Key => "--key",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
