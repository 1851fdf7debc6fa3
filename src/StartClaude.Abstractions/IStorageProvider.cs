namespace StartClaude.Abstractions;

/// <summary>
/// An S3-compatible storage service the tool can sync through. A provider module registers one
/// in the host's service collection; the host and the sync engine never name a provider.
/// </summary>
public interface IStorageProvider
{
    /// <summary>Stable id stored in config.json and given to <c>--provider</c> (for example <c>cloudflare-r2</c>).</summary>
    string Id { get; }

    /// <summary>The name a person recognises (for example "Cloudflare R2").</summary>
    string DisplayName { get; }

    /// <summary>Order in selection lists; lower comes first.</summary>
    int Order { get; }

    /// <summary>The questions the setup wizard asks, in order, in this provider's words.</summary>
    IReadOnlyList<PromptQuestion> PromptScript { get; }

    /// <summary>
    /// Checks one answer as it is typed. Returns null when acceptable, else the reason to ask again.
    /// </summary>
    string? CheckAnswer(SettingField field, string answer, SettingsInput answersSoFar);

    /// <summary>
    /// Turns raw input into complete settings: fills this provider's defaults (region, derived
    /// endpoint, object key) and returns every problem that remains, so that a caller can refuse
    /// bad input before any network call.
    /// </summary>
    SettingsResolution Resolve(SettingsInput input);

    /// <summary>
    /// Whether settings stored without a provider id (as the original tool writes them) belong to this
    /// provider, judged by their endpoint URL (null when none is stored). The host asks providers in
    /// <see cref="Order"/> and takes the first that says yes.
    /// </summary>
    bool Recognizes(string? endpointUrl);

    /// <summary>
    /// The regions this service is known to have, or null when any well-formed region may be right
    /// (R2's <c>auto</c>, a self-hosted service). The wizard questions a region not on the list.
    /// </summary>
    KnownRegions? Regions => null;

    /// <summary>This provider's factory for configured MinIO clients.</summary>
    IS3ClientFactory ClientFactory { get; }
}
