using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Abstractions;
using StartClaude.Core.Configs;

namespace StartClaude.Core.Documents;

/// <summary>
/// A start-claude config document: <c>{ "version"?, "configs": [...], "settings": { "s3Sync"?, ... } }</c>.
/// It is kept as a JSON tree so that every field this version does not know survives a round trip;
/// the known fields are read through views. Instances are never changed: edits return a new document.
/// </summary>
public sealed class ConfigDocument
{
    /// <summary>Documents larger than this are refused rather than parsed.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deeper nesting than this is refused (a config document is shallow).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Keep non-ASCII names readable in the file, as the original tool writes them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions CompactOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    // Documents never change, so the views and canonical forms are computed once (a sync of a large
    // document compares and hashes the same documents several times).
    private IReadOnlyList<ConfigEntry>? _configs;
    private IReadOnlyList<ConfigEntry>? _liveConfigs;
    private string? _canonical;
    private string? _sharedHash;
    private ConfigDocument? _forRemote;

    // Names the source in messages about fields read lazily (settings.s3Sync).
    private readonly string _origin;

    private ConfigDocument(JsonObject root, string origin = "the config document")
    {
        _root = root;
        _origin = origin;
    }

    /// <summary>A new document with no configs.</summary>
    public static ConfigDocument CreateEmpty() =>
        new(new JsonObject { ["configs"] = new JsonArray(), ["settings"] = new JsonObject() });

    /// <summary>
    /// Parses UTF-8 JSON. <paramref name="origin"/> names the source in messages (for example "the local config.json").
    /// </summary>
    /// <exception cref="DocumentFormatException">Not JSON, too large, too deep, or not the expected shape.</exception>
    public static ConfigDocument Parse(ReadOnlySpan<byte> utf8, string origin)
    {
        if (utf8.Length > MaxBytes)
            throw new DocumentFormatException($"{origin} is {utf8.Length:N0} bytes, more than the {MaxBytes / (1024 * 1024)} MiB a config document may be");
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            utf8 = utf8[3..];

        // The JSON reader checks UTF-8 only in the values it decodes, and lazily: check it all now.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
            throw new DocumentFormatException($"{origin} is not valid JSON: it is not UTF-8 text (the first bad byte is byte {FirstInvalidUtf8(utf8):N0})");

        StrictJsonCheck.Run(utf8, origin, MaxDepth);
        JsonNode? node;
        try
        {
            // Duplicate keys were refused by StrictJsonCheck already; checking again cost every start time.
            node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            throw new DocumentFormatException($"{origin} is not valid JSON{where}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new DocumentFormatException($"{origin} is not valid JSON", ex);
        }

        if (node is not JsonObject root)
            throw new DocumentFormatException($"{origin} is not a start-claude config document: the top level must be a JSON object");
        CheckShape(root, origin);
        return new ConfigDocument(root, origin);
    }

    /// <summary>
    /// A document already read as part of a larger JSON file (the base in sync-state.json), held to the same
    /// shape rules as <see cref="Parse"/> without writing it out and reading it again. The caller hands over
    /// ownership of <paramref name="root"/>; it is never changed.
    /// </summary>
    /// <exception cref="DocumentFormatException">Not the expected shape.</exception>
    internal static ConfigDocument FromParsed(JsonObject root, string origin)
    {
        CheckShape(root, origin);
        return new ConfigDocument(root, origin);
    }

    /// <summary>Wraps a tree built by the merge; the caller hands over ownership.</summary>
    internal static ConfigDocument FromRoot(JsonObject root) => new(root);

    /// <summary>The JSON tree, for the merge to read (never to change).</summary>
    internal JsonObject Root => _root;

    /// <summary>The original tool's format version (<c>"version"</c>), when the document has one.</summary>
    public double? Version => _root["version"] is JsonValue v && v.TryGetValue<double>(out var version) ? version : null;

    /// <summary>The configurations, tombstones included, in file order.</summary>
    public IReadOnlyList<ConfigEntry> Configs => _configs ??= ReadConfigs(_root);

    /// <summary>Whether the document holds a <c>configs</c> list at all (<c>{}</c> does not: it is not a config document to apply).</summary>
    public bool HasConfigList => _root["configs"] is JsonArray;

    /// <summary>The configurations that are not deletion tombstones.</summary>
    public IReadOnlyList<ConfigEntry> LiveConfigs => _liveConfigs ??= WithoutTombstones(Configs);

    /// <summary>
    /// Whether the document holds live configs that take part in sync: local-only ones do not, so a
    /// machine holding only those counts as having no configs to share.
    /// </summary>
    public bool HasLiveConfigs => LiveConfigs.Any(c => !c.IsLocalOnly);

    /// <summary>The raw <c>settings.s3Sync</c> object, or null when sync is not set up.</summary>
    /// <exception cref="Errors.LocalConfigException">A field this version reads has the wrong type.</exception>
    public S3SyncSection? S3Sync => S3SyncSection.From(SyncNode(_root), _origin);

    /// <summary>A copy holding <paramref name="settings"/> as <c>settings.s3Sync</c>; other s3Sync fields are kept.</summary>
    /// <param name="settings">The settings to store.</param>
    /// <param name="omit">Fields not to store (they come from the standard AWS sources at each run).</param>
    public ConfigDocument WithS3Sync(S3SyncSettings settings, IReadOnlySet<SettingField>? omit = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var copy = CloneRoot();
        var settingsNode = copy["settings"] as JsonObject ?? new JsonObject();
        copy["settings"] = settingsNode;
        var sync = settingsNode["s3Sync"] as JsonObject ?? new JsonObject();
        settingsNode["s3Sync"] = sync;
        S3SyncSection.Write(sync, settings, omit);
        return new ConfigDocument(copy);
    }

    /// <summary>A copy whose <c>settings.s3Sync</c> records the encryption choice (and the passphrase only when remembered).</summary>
    /// <param name="encryptTo">With <paramref name="encrypt"/>: <c>"machines"</c> for a remote on machine keys; null for the passphrase.</param>
    public ConfigDocument WithEncryption(bool encrypt, string? rememberedPassphrase, string? encryptTo = null)
    {
        var copy = CloneRoot();
        if (SyncNode(copy) is not { } sync)
            throw new InvalidOperationException("S3 sync is not set up in this document");
        S3SyncSection.WriteEncryption(sync, encrypt, rememberedPassphrase, encryptTo);
        return new ConfigDocument(copy);
    }

    /// <summary>
    /// The document as it may leave the machine: without <c>settings.s3Sync</c> and without local-only
    /// configs. When the default was a local-only config, the first shared config (by order) is the
    /// shared document's default, so it keeps exactly one.
    /// </summary>
    internal ConfigDocument ForRemote() => _forRemote ??= SharedCopy();

    private ConfigDocument SharedCopy()
    {
        // Nothing to leave out: the document itself (no copy).
        if (SyncNode(_root) is null && (_root["settings"] is not JsonObject settings || !settings.ContainsKey("s3Sync")) && !Configs.Any(c => c.IsLocalOnly))
            return this;
        var copy = CloneRoot();
        (copy["settings"] as JsonObject)?.Remove("s3Sync");
        if (copy["configs"] is JsonArray configs && configs.OfType<JsonObject>().Any(c => new ConfigEntry(c).IsLocalOnly))
        {
            foreach (var localOnly in configs.OfType<JsonObject>().Where(c => new ConfigEntry(c).IsLocalOnly).ToList())
                configs.Remove(localOnly);
            var live = configs.OfType<JsonObject>().Select(c => new ConfigEntry(c)).Where(c => !c.IsDeleted).ToList();
            if (live.Count > 0 && !live.Any(c => c.IsDefault))
                live.OrderBy(c => c.Order).First().Node["isDefault"] = true;
        }
        return new ConfigDocument(copy);
    }

    /// <summary>
    /// This (remote) document made local: <c>settings.s3Sync</c> is taken from <paramref name="local"/>,
    /// whatever this document says, so a download never changes this machine's sync settings.
    /// </summary>
    /// <remarks>
    /// The local-only configs of <paramref name="local"/> are kept too, unchanged, after the shared ones;
    /// a shared config with the id and the name of a local-only one yields to it. A shared config with only
    /// the id, or only the name, of a local-only one is a conflict: nothing is dropped, names stay unique.
    /// </remarks>
    /// <exception cref="Errors.SyncConflictException">A shared config has the name, or only the id, of a local-only one (<see cref="LocalOnlyClash"/>).</exception>
    internal ConfigDocument WithSyncSettingsOf(ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (LocalOnlyClash(local) is { } clash)
            throw new Errors.SyncConflictException(clash);
        var copy = ForRemote().CloneRoot();
        if (SyncNode(local._root) is { } localSync)
        {
            var settingsNode = copy["settings"] as JsonObject ?? new JsonObject();
            copy["settings"] = settingsNode;
            settingsNode["s3Sync"] = localSync.DeepClone();
        }
        var localOnly = local.Configs.Where(c => c.IsLocalOnly).ToList();
        if (localOnly.Count > 0)
        {
            var configs = copy["configs"] as JsonArray ?? new JsonArray();
            copy["configs"] = configs;
            // The shared copy of a config made local-only here (same id, same name) yields to it: this
            // machine then no longer holds it shared, so its next sync takes it out of the shared document.
            foreach (var node in configs.OfType<JsonObject>().ToList())
            {
                var incoming = new ConfigEntry(node);
                if (!incoming.IsDeleted && localOnly.Any(l => l.Id is { Length: > 0 } id && incoming.Id == id
                        && ConfigIdentity.NameComparer.Equals(incoming.Name, l.Name)))
                    configs.Remove(node);
            }
            foreach (var kept in localOnly)
                configs.Add(kept.Node.DeepClone());
        }
        return new ConfigDocument(copy);
    }

    /// <summary>
    /// Why this (shared) document cannot be applied to <paramref name="local"/>, or null: a shared config with
    /// only the id of a local-only one (renamed elsewhere, or a copied config.json: dropping it would delete it
    /// from every device), or with its name (names must stay unique). Checked by the planner before it plans.
    /// </summary>
    public string? LocalOnlyClash(ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var localOnly = local.Configs.Where(c => c.IsLocalOnly).ToList();
        if (localOnly.Count == 0)
            return null;
        var shared = ForRemote().Configs.Where(c => !c.IsDeleted).ToList();
        foreach (var incoming in shared)
        {
            if (localOnly.FirstOrDefault(l => l.Id is { Length: > 0 } id && incoming.Id == id) is { } twin
                && !ConfigIdentity.NameComparer.Equals(incoming.Name, twin.Name))
                return $"the remote document's config '{incoming.Name}' has the same id as '{twin.Name}', a local-only config here (was config.json copied from another machine?). Share it (start-claude edit \"{twin.Name}\" --no-local-only) or remove it here (start-claude remove \"{twin.Name}\"), then sync again; nothing was changed";
        }
        foreach (var kept in localOnly.Where(c => !c.IsDeleted))
        {
            if (shared.FirstOrDefault(c => ConfigIdentity.NameComparer.Equals(c.Name, kept.Name)
                    && !(c.Id is { Length: > 0 } id && id == kept.Id)) is { } clash)
                return $"the remote document has a config named '{clash.Name}', and '{kept.Name}' is a local-only config here: names must stay unique. Rename one of them (start-claude edit \"{kept.Name}\" --rename NEW-NAME) and try again; nothing was changed";
        }
        return null;
    }

    /// <summary>A copy with the top-level field <paramref name="name"/> set to <paramref name="value"/> (not configs or settings).</summary>
    public ConfigDocument WithField(string name, JsonNode value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name is "configs" or "settings")
            throw new ArgumentException("configs and settings have their own methods", nameof(name));
        var copy = CloneRoot();
        copy[name] = value.DeepClone();
        return new ConfigDocument(copy);
    }

    /// <summary>This machine's name as the remote document's writer (<c>settings.s3Sync.deviceName</c>), or null.</summary>
    public string? DeviceName =>
        SyncNode(_root)?["deviceName"] is JsonValue v && v.TryGetValue<string>(out var name) && name.Trim().Length > 0 ? name.Trim() : null;

    /// <summary>A copy whose <c>settings.s3Sync.deviceName</c> is <paramref name="deviceName"/>.</summary>
    public ConfigDocument WithDeviceName(string deviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceName);
        var copy = CloneRoot();
        if (SyncNode(copy) is not { } sync)
            throw new InvalidOperationException("S3 sync is not set up in this document");
        sync["deviceName"] = deviceName.Trim();
        return new ConfigDocument(copy);
    }

    /// <summary>A copy whose configs are <paramref name="configs"/> and whose top-level settings are <paramref name="settings"/>.</summary>
    internal ConfigDocument With(IEnumerable<JsonObject> configs, JsonObject settings)
    {
        var copy = CloneRoot();
        copy["configs"] = new JsonArray([.. configs.Select(c => (JsonNode)c.DeepClone())]);
        copy["settings"] = settings.DeepClone();
        return new ConfigDocument(copy);
    }

    /// <summary>A copy whose configs are <paramref name="configs"/> (deep-copied); everything else is kept.</summary>
    public ConfigDocument WithConfigs(IEnumerable<JsonObject> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        return With(configs, SettingsNode);
    }

    internal JsonObject SettingsNode => _root["settings"] as JsonObject ?? new JsonObject();

    /// <summary>Whether both documents say the same once <c>settings.s3Sync</c> is set aside (key order ignored).</summary>
    public bool SharesContentWith(ConfigDocument other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // Equal hashes of the canonical forms: the text of a 10,000-config document (3 MB) is never kept.
        return ReferenceEquals(this, other) || SharedContentHash() == other.SharedContentHash();
    }

    /// <summary>SHA-256 of the canonical form of what this document shares (no s3Sync), in hex.</summary>
    public string SharedContentHash()
    {
        if (_sharedHash is null)
        {
            var shared = ForRemote();
            _sharedHash = shared._sharedHash ??= Convert.ToHexStringLower(Documents.CanonicalJson.Sha256Of(shared._root));
        }
        return _sharedHash;
    }

    /// <summary>
    /// The document as written to a file: indented UTF-8 with a final newline, or compact where indenting
    /// would take it past <see cref="MaxBytes"/> (never write what a read then refuses).
    /// </summary>
    /// <exception cref="DocumentFormatException">Even compact, it is more than <see cref="MaxBytes"/>; nothing is written.</exception>
    public byte[] ToUtf8Bytes()
    {
        if (Utf8Text(WriteOptions, out _) is { } indented)
            return indented;
        return Utf8Text(CompactOptions, out var compactLength)
            ?? throw new DocumentFormatException($"the document would be {compactLength:N0} bytes, more than the {MaxBytes / (1024 * 1024)} MiB a config document may be; nothing was written");
    }

    /// <summary>
    /// Whether <see cref="DocumentInvariants.Repair"/> found nothing to repair in this document: a sync holds the
    /// same documents to the rules several times, and the answer cannot change.
    /// </summary>
    internal bool KeepsInvariants { get; set; }

    // Written as UTF-8 straight away, twice: once to learn the length, once into an array of exactly that
    // length. A 4 MB document as a string first cost 8 MB more, and a growing buffer 5 MB and a copy.
    // Null when the text, final newline included, is more than MaxBytes (its length is still given).
    private byte[]? Utf8Text(JsonSerializerOptions options, out long length)
    {
        var writerOptions = new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            IndentSize = options.IndentSize,
            Encoder = options.Encoder,
            MaxDepth = MaxDepth + 1,
        };
        using (var counter = new Utf8JsonWriter(Stream.Null, writerOptions))
        {
            ChunkedJson.WriteObject(counter, _root, options);
            counter.Flush();
            length = counter.BytesCommitted + 1;
        }
        if (length > MaxBytes)
            return null;
        var text = new byte[length];
        using (var target = new MemoryStream(text))
        {
            using (var writer = new Utf8JsonWriter(target, writerOptions))
                ChunkedJson.WriteObject(writer, _root, options);
            target.WriteByte((byte)'\n');
        }
        return text;
    }

    /// <summary>Compact JSON with object keys sorted at every level: equal content, equal text.</summary>
    public string CanonicalJson() => _canonical ??= Documents.CanonicalJson.Of(_root);

    private JsonObject CloneRoot() => (JsonObject)_root.DeepClone();

    /// <summary>What this machine keeps in step of its Claude Code setup (<c>settings.s3Sync.claudeCode</c>).</summary>
    /// <exception cref="Errors.LocalConfigException">It is stored in a shape this version does not read.</exception>
    public ClaudeCode.ClaudeChoice ClaudeChoice => ClaudeCode.ClaudeChoice.From(SyncNode(_root), _origin);

    /// <summary>A copy whose <c>settings.s3Sync.claudeCode</c> is <paramref name="choice"/>.</summary>
    public ConfigDocument WithClaudeChoice(ClaudeCode.ClaudeChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var copy = CloneRoot();
        if (SyncNode(copy) is not { } sync)
            throw new InvalidOperationException("S3 sync is not set up in this document");
        choice.WriteTo(sync);
        return new ConfigDocument(copy);
    }

    /// <summary>The Claude Code items (<c>claudeCode</c>), or null.</summary>
    internal JsonObject? ClaudeSection => ClaudeCode.ClaudeSection.Of(_root);

    /// <summary>How many Claude Code items the document holds (deletions aside).</summary>
    public int ClaudeItemCount => ClaudeCode.ClaudeSection.LiveIds(ClaudeSection).Count();

    /// <summary>Whether the document has a <c>claudeCode</c> key (this machine's view carries one, maybe empty, once its files were read).</summary>
    internal bool HasClaudeSection => _root.ContainsKey(ClaudeCode.ClaudeSection.Key);

    /// <summary>A copy whose <c>claudeCode</c> is <paramref name="section"/> (deep-copied), or without one when null.</summary>
    internal ConfigDocument WithClaudeSection(JsonObject? section)
    {
        var copy = CloneRoot();
        if (section is null)
            copy.Remove(ClaudeCode.ClaudeSection.Key);
        else
            copy[ClaudeCode.ClaudeSection.Key] = section.DeepClone();
        return new ConfigDocument(copy);
    }

    private static JsonObject? SyncNode(JsonObject root) =>
        (root["settings"] as JsonObject)?["s3Sync"] as JsonObject;

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        System.Text.Unicode.Utf8.ToUtf16(utf8, new char[utf8.Length], out var read, out _, replaceInvalidSequences: false);
        return read + 1;
    }

    /// <summary>Longest config name accepted; a name is a label, not a payload.</summary>
    public const int MaxNameLength = 256;

    // The fields this version reads must have the type it reads; every other field is kept as it is.
    // Values are only type-checked here: a document another device wrote is shared, not judged.
    private static void CheckConfig(JsonObject config, string origin, int index)
    {
        // Named only when a check fails: a string per config cost every read.
        string Where() => $"{origin}: configs[{index}]";
        if (config.TryGetPropertyValue("id", out var id) && id is not null && id.GetValueKind() != JsonValueKind.String)
            throw new DocumentFormatException($"{Where()}.id must be a string");
        if (config.TryGetPropertyValue(ConfigEntry.LocalOnlyField, out var localOnly) && localOnly is not null && localOnly.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            throw new DocumentFormatException($"{Where()}.{ConfigEntry.LocalOnlyField} must be true or false");
        if (config.TryGetPropertyValue("isDeleted", out var deleted) && deleted is not null && deleted.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            throw new DocumentFormatException($"{Where()}.isDeleted must be true or false");
        foreach (var field in ConfigFields.All)
        {
            if (!config.TryGetPropertyValue(field.Name, out var value) || value is null)
                continue;
            var kind = value.GetValueKind();
            var problem = field.Kind switch
            {
                FieldKind.Flag when kind is not (JsonValueKind.True or JsonValueKind.False) => "must be true or false",
                FieldKind.Number when kind != JsonValueKind.Number => "must be a number",
                FieldKind.Text or FieldKind.Secret or FieldKind.Url or FieldKind.Choice when kind != JsonValueKind.String => "must be a string",
                _ => null,
            };
            if (problem is not null)
                throw new DocumentFormatException($"{Where()}.{field.Name} {problem}");
        }
        if (config["name"] is JsonValue name && name.GetValue<string>().Length > MaxNameLength)
            throw new DocumentFormatException($"{Where()}.name is {name.GetValue<string>().Length:N0} characters long; at most {MaxNameLength} are allowed");
    }

    // Loops rather than LINQ: starting a config reads these, and would load System.Linq for them alone.
    private static ConfigEntry[] ReadConfigs(JsonObject root)
    {
        if (root["configs"] is not JsonArray array)
            return [];
        var configs = new List<ConfigEntry>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonObject config)
                configs.Add(new ConfigEntry(config));
        }
        return configs.ToArray();
    }

    private static ConfigEntry[] WithoutTombstones(IReadOnlyList<ConfigEntry> configs)
    {
        var live = new List<ConfigEntry>(configs.Count);
        foreach (var config in configs)
        {
            if (!config.IsDeleted)
                live.Add(config);
        }
        return live.ToArray();
    }

    private static void CheckShape(JsonObject root, string origin)
    {
        if (root.TryGetPropertyValue("version", out var version) && version is not null && version.GetValueKind() != JsonValueKind.Number)
            throw new DocumentFormatException($"{origin}: \"version\" must be a number");

        if (root.TryGetPropertyValue("configs", out var configs) && configs is not null)
        {
            if (configs is not JsonArray array)
                throw new DocumentFormatException($"{origin}: \"configs\" must be a list");
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject config)
                    throw new DocumentFormatException($"{origin}: configs[{i}] must be an object");
                CheckConfig(config, origin, i);
            }
        }

        if (root.TryGetPropertyValue("settings", out var settings) && settings is not null)
        {
            if (settings is not JsonObject settingsObject)
                throw new DocumentFormatException($"{origin}: \"settings\" must be an object");
            if (settingsObject.TryGetPropertyValue("s3Sync", out var sync) && sync is not null && sync is not JsonObject)
                throw new DocumentFormatException($"{origin}: \"settings.s3Sync\" must be an object");
        }
        // Only a document that has the section pays for its check (a start reads config.json, which never has one).
        if (root.ContainsKey(ClaudeCode.ClaudeSection.Key))
            ClaudeCode.ClaudeSection.Check(root, origin);
    }
}
