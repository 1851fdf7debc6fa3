using System.Text.Json.Nodes;

namespace StartClaude.Core.Documents;

/// <summary>A read-only view of one configuration in a document; every field stays in <see cref="Node"/>.</summary>
public sealed class ConfigEntry(JsonObject node)
{
    private byte[]? _contentHash;

    public JsonObject Node { get; } = node;

    /// <summary>
    /// Whether both configs hold the same fields and values (key order aside): their canonical forms' SHA-256
    /// hashes are equal. Each is computed once (entries of a document never change); 32 bytes a config rather
    /// than its text kept 12 MB fewer alive in a sync of 10,000 configs.
    /// </summary>
    internal bool SameContentAs(ConfigEntry other) => ContentHash.AsSpan().SequenceEqual(other.ContentHash);

    private byte[] ContentHash => _contentHash ??= CanonicalJson.Sha256Of(Node);

    public string? Name => StringField("name");

    public string? Id => StringField("id");

    public string? ProfileType => StringField("profileType");

    public string? BaseUrl => StringField("baseUrl");

    public string? Model => StringField("model");

    public string? ApiKey => StringField("apiKey");

    public string? AuthToken => StringField("authToken");

    public string? PermissionMode => StringField("permissionMode");

    /// <summary>Configs are enabled unless they say <c>"enabled": false</c>.</summary>
    public bool IsEnabled => Node["enabled"] is not JsonValue v || !v.TryGetValue<bool>(out var enabled) || enabled;

    /// <summary>The original tool's priority: lower first; configs without one come after.</summary>
    public double Order => Node["order"] is JsonValue v && v.TryGetValue<double>(out var order) ? order : double.MaxValue;

    /// <summary>The original tool's deletion tombstone.</summary>
    public bool IsDeleted => Node["isDeleted"] is JsonValue v && v.TryGetValue<bool>(out var deleted) && deleted;

    public bool IsDefault => Node["isDefault"] is JsonValue v && v.TryGetValue<bool>(out var isDefault) && isDefault;

    /// <summary>
    /// <c>"localOnly": true</c>: the config stays on this machine. It is left out of the remote document
    /// and kept as it is by every download, sync and restore (<see cref="ConfigDocument.ForRemote"/>,
    /// <see cref="ConfigDocument.WithSyncSettingsOf"/>).
    /// </summary>
    public bool IsLocalOnly => Node[LocalOnlyField] is JsonValue v && v.TryGetValue<bool>(out var localOnly) && localOnly;

    public const string LocalOnlyField = "localOnly";

    /// <summary>Whether this entry and <paramref name="other"/> are the same configuration (<see cref="ConfigIdentity"/>).</summary>
    public bool SameConfigAs(ConfigEntry other) => ConfigIdentity.Same(this, other);

    private string? StringField(string name) =>
        Node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
