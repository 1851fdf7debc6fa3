using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Providers;

/// <summary>The providers the host discovered, in display order.</summary>
public sealed class ProviderCatalog(IEnumerable<IStorageProvider> providers)
{
    public IReadOnlyList<IStorageProvider> All { get; } = [.. providers.OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal)];

    public IStorageProvider? Find(string? id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="UsageException">No provider has that id.</exception>
    public IStorageProvider Get(string? id) =>
        Find(id) ?? throw new UsageException(
            $"unknown provider '{id}'; choose one of: {string.Join(", ", All.Select(p => p.Id))}");

    /// <summary>
    /// The complete, checked settings stored in a document, or null when sync is not set up.
    /// </summary>
    /// <exception cref="LocalConfigException">The stored settings are incomplete or invalid.</exception>
    public S3SyncSettings? StoredSettings(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.S3Sync is not { } section)
            return null;

        var provider = section.ProviderId is { } id
            ? Find(id) ?? throw new LocalConfigException($"config.json names S3 provider '{id}', which this version does not have ({string.Join(", ", All.Select(p => p.Id))}); re-run start-claude s3-setup")
            : All.FirstOrDefault(p => p.Recognizes(section.Input.EndpointUrl))
              ?? throw new LocalConfigException("cannot tell which S3 service config.json's settings are for; re-run start-claude s3-setup");
        var resolution = provider.Resolve(section.Input);
        if (!resolution.IsValid)
            throw new LocalConfigException($"the S3 settings in config.json are not usable: {resolution.Problems[0].Message}; re-run start-claude s3-setup");
        return resolution.Settings;
    }
}
