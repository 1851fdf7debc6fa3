namespace StartClaude.Abstractions;

/// <summary>The outcome of <see cref="IStorageProvider.Resolve"/>.</summary>
/// <param name="Settings">The complete settings, or null when <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">Every problem found; empty when the settings can be used.</param>
public sealed record SettingsResolution(S3SyncSettings? Settings, IReadOnlyList<SettingProblem> Problems)
{
    /// <summary>True when the settings can be used.</summary>
    public bool IsValid => Settings is not null && Problems.Count == 0;

    /// <summary>
    /// Doubts about usable settings, one sentence each: worth saying at setup, not worth refusing
    /// (an endpoint on a host that is not the provider's may be a proxy or a test server).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The outcome for <paramref name="resolved"/> input (defaults already filled in): its problems if
    /// there are any, else complete settings for <paramref name="providerId"/>.
    /// </summary>
    public static SettingsResolution Of(string providerId, SettingsInput resolved, IReadOnlyList<SettingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count > 0
            ? new SettingsResolution(null, problems)
            : new SettingsResolution(
                new S3SyncSettings(providerId, resolved.Bucket!, resolved.Region!, resolved.AccessKeyId!, resolved.SecretAccessKey!, resolved.EndpointUrl, resolved.Key!),
                problems);
    }
}
