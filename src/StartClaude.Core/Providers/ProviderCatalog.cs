using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Providers;

/// <summary>The providers the host discovered, in display order.</summary>
/// <param name="providers">The discovered providers.</param>
/// <param name="aws">The standard AWS sources that fill what config.json leaves out; none when null.</param>
public sealed class ProviderCatalog(IEnumerable<IStorageProvider> providers, AwsSources? aws = null)
{
    // Enumerated on first use: the host discovers provider modules only when a command needs one.
    private readonly Lazy<IReadOnlyList<IStorageProvider>> _all = new(() => [.. providers.OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal)]);

    public IReadOnlyList<IStorageProvider> All => _all.Value;

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
    public S3SyncSettings? StoredSettings(ConfigDocument document) => ResolveStored(document)?.Settings;

    /// <summary>
    /// The stored settings with what config.json leaves out filled from the standard AWS sources
    /// (credentials as one set, region, endpoint), and where each value came from.
    /// </summary>
    /// <exception cref="LocalConfigException">The settings are incomplete or invalid.</exception>
    public ResolvedSettings? ResolveStored(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.S3Sync is not { } section)
            return null;

        var (input, sources, token) = FillFromAws(section.Input, "config.json");
        var provider = section.ProviderId is { } id
            ? Find(id) ?? throw new LocalConfigException($"config.json names S3 provider '{id}', which this version does not have ({string.Join(", ", All.Select(p => p.Id))}); re-run start-claude s3-setup")
            : All.FirstOrDefault(p => p.Recognizes(input.EndpointUrl))
              ?? throw new LocalConfigException("cannot tell which S3 service config.json's settings are for; re-run start-claude s3-setup");
        var resolution = provider.Resolve(input);
        if (!resolution.IsValid)
            throw new LocalConfigException($"the S3 settings in config.json are not usable: {resolution.Problems[0].Message}; re-run start-claude s3-setup (or set the AWS variables it names)");
        return new ResolvedSettings(resolution.Settings! with { SessionToken = token?.Value }, Complete(sources, resolution.Settings!));
    }

    /// <summary>
    /// <paramref name="input"/> with its empty fields filled from the AWS sources; each given field is
    /// labelled <paramref name="givenLabel"/>. Credentials are taken only as a set, and only when
    /// neither the access key id nor the secret is given.
    /// </summary>
    public (SettingsInput Input, Dictionary<SettingField, string> Sources, SourcedValue? SessionToken) FillFromAws(SettingsInput input, string givenLabel)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Only what input lacks: config.json's values win, and a file that holds none of what is needed is not read.
        var values = aws?.Read(credentials: input.AccessKeyId is null && input.SecretAccessKey is null, region: input.Region is null, endpoint: input.EndpointUrl is null)
            ?? new AwsValues(null, null, null, null, null);
        var sources = new Dictionary<SettingField, string>();
        foreach (var field in SettingFields.All)
        {
            if (input.Get(field) is not null)
                sources[field] = givenLabel;
        }
        void Fill(SettingField field, SourcedValue? value)
        {
            if (input.Get(field) is null && value is not null)
            {
                input = input.With(field, value.Value);
                sources[field] = value.Source;
            }
        }

        SourcedValue? token = null;
        if (input.AccessKeyId is null && input.SecretAccessKey is null && values.AccessKeyId is not null)
        {
            Fill(SettingField.AccessKeyId, values.AccessKeyId);
            Fill(SettingField.SecretAccessKey, values.SecretAccessKey);
            token = values.SessionToken;
        }
        Fill(SettingField.Region, values.Region);
        Fill(SettingField.EndpointUrl, values.EndpointUrl);
        return (input, sources, token);
    }

    private static Dictionary<SettingField, string> Complete(Dictionary<SettingField, string> sources, S3SyncSettings settings)
    {
        var values = SettingsInput.From(settings);
        foreach (var field in SettingFields.All)
        {
            if (!sources.ContainsKey(field) && values.Get(field) is not null)
                sources[field] = "default";
        }
        return sources;
    }
}

/// <summary>Settings ready to use, and where each value came from ("config.json", "AWS_REGION", "default", ...).</summary>
public sealed record ResolvedSettings(S3SyncSettings Settings, IReadOnlyDictionary<SettingField, string> Sources);
