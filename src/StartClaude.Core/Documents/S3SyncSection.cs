using System.Text.Json.Nodes;
using StartClaude.Abstractions;

namespace StartClaude.Core.Documents;

/// <summary>
/// The raw <c>settings.s3Sync</c> object as stored, before a provider checks it. Files written by the
/// original tool carry no <c>provider</c>; it is then inferred from the endpoint.
/// </summary>
public sealed record S3SyncSection(string? ProviderId, SettingsInput Input)
{
    /// <summary>The original tool's default for <see cref="RemoteCheckInterval"/>.</summary>
    public static readonly TimeSpan DefaultRemoteCheckInterval = TimeSpan.FromMinutes(60);

    /// <summary>How often starting a config may check the remote (<c>remoteConfigCheckIntervalMinutes</c>, default 60).</summary>
    public TimeSpan RemoteCheckInterval { get; init; } = DefaultRemoteCheckInterval;

    /// <summary>Whether the remote document is stored encrypted (<c>"encrypt": true</c>).</summary>
    public bool Encrypt { get; init; }

    /// <summary>The passphrase, only when the person chose to have this machine remember it.</summary>
    public string? RememberedPassphrase { get; init; }

    internal static S3SyncSection? From(JsonObject? node)
    {
        if (node is null)
            return null;
        var input = new SettingsInput();
        foreach (var field in Enum.GetValues<SettingField>())
            input = input.With(field, Text(node, JsonName(field)));
        return new S3SyncSection(Text(node, "provider"), input)
        {
            RemoteCheckInterval = node["remoteConfigCheckIntervalMinutes"] is JsonValue v && v.TryGetValue<double>(out var minutes) && minutes >= 0
                ? TimeSpan.FromMinutes(Math.Min(minutes, TimeSpan.MaxValue.TotalMinutes / 2))
                : DefaultRemoteCheckInterval,
            Encrypt = node["encrypt"] is JsonValue e && e.TryGetValue<bool>(out var encrypt) && encrypt,
            RememberedPassphrase = Text(node, "passphrase") is { Length: > 0 } passphrase ? passphrase : null,
        };
    }

    /// <summary>Writes <paramref name="settings"/> into <paramref name="node"/>, leaving its other fields as they are.</summary>
    /// <param name="node">The s3Sync object.</param>
    /// <param name="settings">The settings to store.</param>
    /// <param name="omit">Fields not to store (they come from the standard AWS sources at each run).</param>
    internal static void Write(JsonObject node, S3SyncSettings settings, IReadOnlySet<SettingField>? omit = null)
    {
        node["provider"] = settings.ProviderId;
        var values = SettingsInput.From(settings);
        foreach (var field in Enum.GetValues<SettingField>())
        {
            // An absent endpoint means the provider's default: no key rather than a null.
            if (values.Get(field) is { } value && omit?.Contains(field) != true)
                node[JsonName(field)] = value;
            else
                node.Remove(JsonName(field));
        }
    }

    // The names the original tool uses in settings.s3Sync.
    private static string JsonName(SettingField field) => field switch
    {
        SettingField.Bucket => "bucket",
        SettingField.Region => "region",
        SettingField.AccessKeyId => "accessKeyId",
        SettingField.SecretAccessKey => "secretAccessKey",
        SettingField.EndpointUrl => "endpointUrl",
        SettingField.Key => "key",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Writes the encryption choice into <paramref name="node"/>; the passphrase only when it is to be remembered.</summary>
    internal static void WriteEncryption(JsonObject node, bool encrypt, string? rememberedPassphrase)
    {
        node["encrypt"] = encrypt;
        if (encrypt && rememberedPassphrase is not null)
            node["passphrase"] = rememberedPassphrase;
        else
            node.Remove("passphrase");
    }

    // Never the passphrase or the secret: records print themselves in exception messages and logs.
    public override string ToString() => $"S3SyncSection {{ ProviderId = {ProviderId}, {Input}, Encrypt = {Encrypt} }}";
}
