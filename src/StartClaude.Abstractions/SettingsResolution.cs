namespace StartClaude.Abstractions;

/// <summary>The outcome of <see cref="IStorageProvider.Resolve"/>.</summary>
/// <param name="Settings">The complete settings, or null when <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">Every problem found; empty when the settings can be used.</param>
public sealed record SettingsResolution(S3SyncSettings? Settings, IReadOnlyList<SettingProblem> Problems)
{
    /// <summary>True when the settings can be used.</summary>
    public bool IsValid => Settings is not null && Problems.Count == 0;
}
