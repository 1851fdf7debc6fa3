namespace StartClaude.Abstractions;

/// <summary>Why a setting cannot be used, in words a person understands.</summary>
/// <param name="Field">The setting at fault.</param>
/// <param name="Message">One sentence, never containing a secret value.</param>
public sealed record SettingProblem(SettingField Field, string Message);
