using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Abstractions;
using StartClaude.Core.Providers;

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

    /// <summary>What the document is encrypted to: null for the passphrase, <c>"machines"</c> for this person's machines' keys (<c>encryptTo</c>).</summary>
    public string? EncryptTo { get; init; }

    /// <summary>The passphrase, only when the person chose to have this machine remember it.</summary>
    public string? RememberedPassphrase { get; init; }

    /// <exception cref="Errors.LocalConfigException">A field this version reads has the wrong type.</exception>
    internal static S3SyncSection? From(JsonObject? node, string origin)
    {
        if (node is null)
            return null;
        // Strict types: a field this version reads must be what it needs. Above all "encrypt": a
        // string "true" read as off would send the API keys in plain text.
        var input = new SettingsInput();
        foreach (var field in SettingFields.All)
            input = input.With(field, Text(node, JsonName(field), origin));
        var minutes = Number(node, "remoteConfigCheckIntervalMinutes", origin);
        return new S3SyncSection(Text(node, "provider", origin), input)
        {
            RemoteCheckInterval = minutes is { } m
                ? TimeSpan.FromMinutes(Math.Min(m, TimeSpan.MaxValue.TotalMinutes / 2))
                : DefaultRemoteCheckInterval,
            Encrypt = Flag(node, "encrypt", origin) ?? false,
            RememberedPassphrase = Text(node, "passphrase", origin) is { Length: > 0 } passphrase ? passphrase : null,
            EncryptTo = Text(node, "encryptTo", origin) switch
            {
                null => null,
                Machines.MachineKeys.EncryptTo => Machines.MachineKeys.EncryptTo,
                var other => throw new Errors.LocalConfigException($"{origin}: settings.s3Sync.encryptTo is '{TerminalText.Bounded(other)}', and this version knows only \"{Machines.MachineKeys.EncryptTo}\"; run start-claude s3-setup again"),
            },
        };
    }

    /// <summary>Writes <paramref name="settings"/> into <paramref name="node"/>, leaving its other fields as they are.</summary>
    /// <param name="node">The s3Sync object.</param>
    /// <param name="settings">The settings to store.</param>
    /// <param name="omit">Fields not to store (they come from the standard AWS sources at each run).</param>
    internal static void Write(JsonObject node, S3SyncSettings settings, IReadOnlySet<SettingField>? omit = null)
    {
        node["provider"] = settings.ProviderId;
        // Setup repairs a wrong-typed interval rather than keeping what every later read refuses.
        if (node["remoteConfigCheckIntervalMinutes"] is { } interval && interval.GetValueKind() != JsonValueKind.Number)
            node.Remove("remoteConfigCheckIntervalMinutes");
        var values = SettingsInput.From(settings);
        foreach (var field in SettingFields.All)
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

    private static string? Text(JsonObject node, string name, string origin) => node[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw WrongType(origin, name, "a string", other),
    };

    private static bool? Flag(JsonObject node, string name, string origin) => node[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw WrongType(origin, name, "true or false", other),
    };

    private static double? Number(JsonObject node, string name, string origin) => node[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var n) && double.IsFinite(n) && n >= 0 => n,
        var other => throw WrongType(origin, name, "a number of minutes, 0 or more", other, showNumber: true),
    };

    // Names the field and the type it needs; never the value (it may be a secret).
    private static Errors.LocalConfigException WrongType(string origin, string name, string needed, JsonNode found, bool showNumber = false) =>
        new($"{origin}: settings.s3Sync.{name} must be {needed}, not {KindName(found, showNumber)}; fix it, or re-run start-claude s3-setup");

    // Values only by kind (a secret or passphrase may be a number); the interval's number is shown.
    private static string KindName(JsonNode found, bool showNumber) => found.GetValueKind() switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => showNumber && found.ToJsonString() is { Length: <= 24 } number ? number : "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "null",
    };

    /// <summary>Writes the encryption choice into <paramref name="node"/>; the passphrase only when it is to be remembered.</summary>
    internal static void WriteEncryption(JsonObject node, bool encrypt, string? rememberedPassphrase, string? encryptTo = null)
    {
        node["encrypt"] = encrypt;
        if (encrypt && encryptTo is not null)
            node["encryptTo"] = encryptTo;
        else
            node.Remove("encryptTo");
        if (encrypt && rememberedPassphrase is not null)
            node["passphrase"] = rememberedPassphrase;
        else
            node.Remove("passphrase");
    }

    // Never the passphrase or the secret: records print themselves in exception messages and logs.
    public override string ToString() => $"S3SyncSection {{ ProviderId = {ProviderId}, {Input}, Encrypt = {Encrypt} }}";
}
