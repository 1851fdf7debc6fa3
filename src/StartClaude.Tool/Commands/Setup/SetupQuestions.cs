using StartClaude.Abstractions;
using StartClaude.Core.Errors;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>
/// Turns flags, stored settings and (on a terminal) answers to the provider's prompt script into
/// complete, checked settings. Flags always win; without a terminal nothing is asked and a missing
/// answer is a usage error naming its flag. On a terminal nothing ends the wizard that a person can
/// correct: an answer the final validation refuses sends the wizard back to that question, and a
/// region not on the provider's list is questioned at once.
/// </summary>
internal sealed class SetupQuestions(Prompts prompts, ToolConsole console)
{
    public const string SecretVariable = "AWS_SECRET_ACCESS_KEY";

    public const string AcceptRegionFlag = "--accept-new-region";

    /// <param name="provider">The chosen provider.</param>
    /// <param name="flags">Values given on the command line (and the secret from the environment).</param>
    /// <param name="previous">Stored settings, or the answers of a failed attempt: offered as defaults.</param>
    /// <param name="askEverything">Ask every question flags leave open, even those with a default (re-entry).</param>
    /// <param name="acceptNewRegion">A region not on the provider's list was accepted on purpose (<see cref="AcceptRegionFlag"/>).</param>
    public S3SyncSettings Gather(IStorageProvider provider, SettingsInput flags, SettingsInput? previous, bool askEverything, bool acceptNewRegion = false)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(flags);
        var input = Overlay(previous ?? new SettingsInput(), flags);
        var acceptedRegion = acceptNewRegion ? flags.Region : null;
        acceptedRegion ??= previous?.Region;

        if (prompts.CanAsk)
        {
            var flagRegionUnlisted = flags.Region is { } given && UnlistedRegion(provider, given, acceptedRegion) is not null;
            if (askEverything || flagRegionUnlisted || !provider.Resolve(flags).IsValid)
                return AskUntilValid(provider, input, flags, acceptedRegion, askEverything, flagRegionUnlisted);
        }

        var resolution = provider.Resolve(input);
        if (!resolution.IsValid)
        {
            var reasons = resolution.Problems.Select(p => input.Get(p.Field) is null
                ? $"{FlagOf(p.Field)} is required ({p.Message})"
                : $"{FlagOf(p.Field)}: {p.Message}");
            throw new UsageException(string.Join("; ", reasons));
        }
        if (UnlistedRegion(provider, resolution.Settings!.Region, acceptedRegion) is { } unlisted)
            throw new UsageException($"--region: {unlisted} If it is a region newer than this version's list, add {AcceptRegionFlag}");
        return Warned(resolution);
    }

    // The provider's doubts about settings it accepts (an endpoint on another host): said once, before the connection test.
    private S3SyncSettings Warned(SettingsResolution resolution)
    {
        foreach (var warning in resolution.Warnings)
            console.Warn(warning);
        return resolution.Settings!;
    }

    private S3SyncSettings AskUntilValid(IStorageProvider provider, SettingsInput input, SettingsInput flags, string? acceptedRegion, bool askEverything, bool flagRegionUnlisted)
    {
        // A flag answers its question, except a region this version does not know: that is asked, the flag as its answer.
        var skip = Enum.GetValues<SettingField>().Where(f => flags.Get(f) is not null && !(f == SettingField.Region && flagRegionUnlisted)).ToHashSet();
        // A partly scripted run asks only what neither a flag, a stored value nor a default answers.
        var partlyScripted = !askEverything && skip.Count > 0;
        console.Plain($"{provider.DisplayName} settings (Enter keeps the value shown):");
        input = Ask(provider, input, skip, partlyScripted, acceptedRegion, refused: null);
        while (true)
        {
            var resolution = provider.Resolve(input);
            if (resolution.IsValid)
                return Warned(resolution);
            // The same checks as each question's: refused here only when answers disagree with each other
            // (or a flag was wrong). Go back to those questions; the rest is kept.
            var asked = provider.PromptScript.Select(q => q.Field).ToHashSet();
            var wrong = resolution.Problems.Select(p => p.Field).Where(asked.Contains).ToHashSet();
            if (wrong.Count == 0)
                throw new UsageException(string.Join("; ", resolution.Problems.Select(p => $"{FlagOf(p.Field)}: {p.Message}")));
            foreach (var problem in resolution.Problems)
                prompts.Explain($"{LabelOf(provider, problem.Field)}: {problem.Message}. Please answer it again.");
            skip = [.. Enum.GetValues<SettingField>().Where(f => !wrong.Contains(f))];
            input = Ask(provider, input, skip, partlyScripted: false, acceptedRegion, refused: wrong);
        }
    }

    private SettingsInput Ask(IStorageProvider provider, SettingsInput input, IReadOnlySet<SettingField> skip, bool partlyScripted, string? acceptedRegion, IReadOnlySet<SettingField>? refused)
    {
        var before = input;
        foreach (var question in provider.PromptScript)
        {
            if (skip.Contains(question.Field))
                continue;
            var current = CurrentValue(question, before, input, refused?.Contains(question.Field) == true);
            if (partlyScripted && current is not null)
            {
                input = input.With(question.Field, current);
                continue;
            }
            if (question.Hint is { } hint)
                console.Plain("  " + hint);
            var answered = input;
            while (true)
            {
                var answer = prompts.Ask(question.Label, FlagOf(question.Field), current,
                    value => provider.CheckAnswer(question.Field, value, answered), question.IsSecret);
                if (question.Field == SettingField.Region && UnlistedRegion(provider, answer, acceptedRegion) is { } unlisted)
                {
                    var decided = DecideRegion(provider, answer, unlisted);
                    if (decided is null)
                    {
                        // Typing it again keeps the default offered before (us-east-1), unless that was the refused answer.
                        if (string.Equals(current?.Trim(), answer.Trim(), StringComparison.Ordinal))
                            current = null;
                        continue;
                    }
                    answer = decided;
                }
                input = input.With(question.Field, answer);
                break;
            }
        }
        return input;
    }

    // A value derived from earlier answers (B2's endpoint from its region) follows them when they change:
    // a stored value that was the old answers' default gives way to the new answers' default.
    // A refused value is not offered again when a default can be derived instead.
    private static string? CurrentValue(PromptQuestion question, SettingsInput before, SettingsInput now, bool refused)
    {
        var stored = now.Get(question.Field);
        if (question.SuggestedDefault is not { } suggest)
            return stored;
        if (stored is null || refused || stored == suggest(before))
            return suggest(now) ?? stored;
        return stored;
    }

    /// <summary>The reason to question <paramref name="region"/>, or null when it is listed, accepted before, or the provider keeps no list.</summary>
    private static string? UnlistedRegion(IStorageProvider provider, string region, string? acceptedRegion) =>
        provider.Regions is { } known && region.Trim() != acceptedRegion?.Trim() ? known.Problem(region) : null;

    // The nearest listed regions, the typed one kept on purpose (newer than the list), or null: type it again.
    private string? DecideRegion(IStorageProvider provider, string typed, string problem)
    {
        prompts.Explain(problem);
        var nearest = ClosestWords.To(typed, provider.Regions!.All);
        var choices = nearest.Select(r => ((string?)r, $"Use {r}"))
            .Append((typed, $"Keep '{typed}': a region newer than this version's list"))
            .Append(((string?)null, "Type the region again"))
            .Select(c => (Value: new RegionChoice(c.Item1), Label: c.Item2))
            .ToList();
        return prompts.Choose("Which region?", choices, AcceptRegionFlag).Region;
    }

    private sealed record RegionChoice(string? Region);

    private static string LabelOf(IStorageProvider provider, SettingField field) =>
        provider.PromptScript.FirstOrDefault(q => q.Field == field)?.Label ?? FlagOf(field);

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
