namespace StartClaude.Abstractions;

/// <summary>One question of a provider's prompt script.</summary>
/// <param name="Field">The setting the answer fills.</param>
/// <param name="Label">The question, in the provider's own words (for example "R2 Token (Access Key ID)").</param>
/// <param name="IsSecret">True when the answer must be typed masked and never echoed.</param>
/// <param name="Hint">An optional line of help shown before the question.</param>
/// <param name="SuggestedDefault">
/// A default computed from the answers given so far (for example B2's endpoint from its region), or null.
/// A stored value, when there is one, takes precedence.
/// </param>
public sealed record PromptQuestion(
    SettingField Field,
    string Label,
    bool IsSecret = false,
    string? Hint = null,
    Func<SettingsInput, string?>? SuggestedDefault = null);
