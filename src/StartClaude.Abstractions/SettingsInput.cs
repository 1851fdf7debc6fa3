namespace StartClaude.Abstractions;

/// <summary>
/// Raw values for a provider's settings as a person or a script gave them (flags, environment,
/// wizard answers, or values stored earlier). Any value may be missing.
/// </summary>
/// <param name="Bucket">Bucket name, if given.</param>
/// <param name="Region">Region, if given.</param>
/// <param name="AccessKeyId">Access key id, if given.</param>
/// <param name="SecretAccessKey">Secret access key, if given.</param>
/// <param name="EndpointUrl">Endpoint URL, if given.</param>
/// <param name="Key">Object key, if given.</param>
public sealed record SettingsInput(
    string? Bucket = null,
    string? Region = null,
    string? AccessKeyId = null,
    string? SecretAccessKey = null,
    string? EndpointUrl = null,
    string? Key = null)
{
    /// <summary>The value given for <paramref name="field"/>, or null.</summary>
    public string? Get(SettingField field) => field switch
    {
        SettingField.Bucket => Bucket,
        SettingField.Region => Region,
        SettingField.AccessKeyId => AccessKeyId,
        SettingField.SecretAccessKey => SecretAccessKey,
        SettingField.EndpointUrl => EndpointUrl,
        SettingField.Key => Key,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>A copy with <paramref name="field"/> set to <paramref name="value"/>.</summary>
    public SettingsInput With(SettingField field, string? value) => field switch
    {
        SettingField.Bucket => this with { Bucket = value },
        SettingField.Region => this with { Region = value },
        SettingField.AccessKeyId => this with { AccessKeyId = value },
        SettingField.SecretAccessKey => this with { SecretAccessKey = value },
        SettingField.EndpointUrl => this with { EndpointUrl = value },
        SettingField.Key => this with { Key = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>The raw values of stored settings, for re-running setup.</summary>
    public static SettingsInput From(S3SyncSettings settings) => new(
        settings.Bucket, settings.Region, settings.AccessKeyId, settings.SecretAccessKey, settings.EndpointUrl, settings.Key);

    /// <summary>Never prints the secret.</summary>
    public override string ToString() =>
        $"SettingsInput {{ Bucket = {Bucket}, Region = {Region}, EndpointUrl = {EndpointUrl}, Key = {Key} }}";
}
