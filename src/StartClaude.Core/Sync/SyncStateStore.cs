using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>What this machine and one remote last agreed on.</summary>
/// <param name="ETag">The remote object's ETag when they agreed.</param>
/// <param name="Hash">SHA-256 of the agreed document's shared content.</param>
/// <param name="Document">The agreed document (without s3Sync): the base of a three-way merge.</param>
/// <param name="RemoteInfo">The remote object's size and time when they agreed, where known.</param>
public sealed record SyncBase(string? ETag, string Hash, ConfigDocument Document, RemoteObjectInfo? RemoteInfo = null)
{
    /// <summary>The state agreed right before this one (its hash and ETag), where known.</summary>
    public AgreedBefore? Previous { get; init; }

    /// <summary>Whether this machine's own write made this base (rather than a download or an agreement).</summary>
    public bool WrittenHere { get; init; }

    /// <summary>
    /// The state <paramref name="remote"/> went back to, or null: the remote is still the very object this
    /// machine's own last write replaced (the same content under the same ETag), so that write did not stay.
    /// Only the state right before a base written here counts: another device writing the same content again
    /// later is an ordinary change, and one this machine downloaded was never replaced by it.
    /// </summary>
    public AgreedBefore? WentBackTo(string remoteHash, RemoteObjectInfo remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return WrittenHere && Previous is { ETag: { } etag } before && before.Hash == remoteHash && etag == remote.ETag ? before : null;
    }

    /// <summary>The base when both sides are known to have held nothing (no remote document).</summary>
    public static SyncBase Empty { get; } = new(null, ConfigDocument.CreateEmpty().SharedContentHash(), ConfigDocument.CreateEmpty());
}

/// <summary>A state agreed before the base: its content hash and the remote object's ETag then.</summary>
public sealed record AgreedBefore(string Hash, string? ETag);

/// <summary>
/// sync-state.json beside config.json: per remote, the base both sides last agreed on and whether
/// the service honours conditional writes. It holds configs (API keys included), so it is written
/// like config.json: atomically, 0600. A damaged state file only costs the base, with a warning: sync
/// then treats both sides as never synced, which merges rather than guesses.
/// </summary>
public sealed class SyncStateStore(AppEnvironment environment) : ISyncStateStore
{
    public const string FileName = "sync-state.json";

    // A base is a config document (at most ConfigDocument.MaxDepth deep) three levels down.
    private const int MaxDepth = ConfigDocument.MaxDepth + 3;

    // One sync reads the state several times (the base, whether conditions are honoured, the entry a
    // write updates); with a 10,000-config base each parse cost about 100 ms and 40 MB. The parsed
    // file is kept while the file is the one it was read from (same inode, size and write time).
    private (FileStamp Stamp, JsonObject State)? _parsed;

    public string StatePath => Path.Combine(environment.StartClaudeHome, FileName);

    /// <summary>This remote's entry's name (<see cref="RemoteIdentity"/>).</summary>
    public static string RemoteId(S3SyncSettings settings) => RemoteIdentity.Of(settings);

    // The entry under this remote's name, or under the name earlier versions gave it (an endpoint with user
    // info or a query was named with them): found either way, so no base is lost to the new name.
    private static JsonNode? EntryIn(JsonObject remotes, S3SyncSettings settings) =>
        remotes[RemoteId(settings)] ?? remotes[RemoteIdentity.Legacy(settings)];

    public SyncBase? ReadBase(S3SyncSettings settings) => ReadBaseChecked(settings).Base;

    /// <summary>
    /// The base, or null with a warning when the state file (or this remote's entry in it) cannot be
    /// read or holds the wrong types: a damaged file costs the base, never the command.
    /// </summary>
    public (SyncBase? Base, string? Warning) ReadBaseChecked(S3SyncSettings settings)
    {
        var damaged = $"{StatePath} is damaged, so this machine has no record of its last sync with this remote; both sides are compared as if never synced";
        if (!TryReadAll(out var all))
            return (null, damaged);
        if (all["remotes"] is not { } remotesNode)
            return (null, null);
        if (remotesNode is not JsonObject remotes || (EntryIn(remotes, settings) is { } entryNode && entryNode is not JsonObject))
            return (null, damaged);
        if (EntryIn(remotes, settings) is not JsonObject entry || !entry.ContainsKey("base"))
            return (null, null);
        if (entry["base"] is not JsonObject baseNode || Text(entry["hash"]) is not { } hash
            || (entry["etag"] is not null && Text(entry["etag"]) is null))
            return (null, damaged);
        try
        {
            var document = ConfigDocument.FromParsed(baseNode, StatePath);
            var etag = Text(entry["etag"]);
            var info = entry["size"] is JsonValue size && size.TryGetValue<long>(out var bytes)
                ? new RemoteObjectInfo(bytes, TimeOf(entry["lastModified"]), etag)
                : null;
            var previous = ReadPrevious(entry) is { } before && before.Hash != hash ? before : null;
            var writtenHere = entry["writtenHere"] is JsonValue written && written.TryGetValue<bool>(out var here) && here;
            return document.SharedContentHash() == hash ? (new SyncBase(etag, hash, document, info) { Previous = previous, WrittenHere = writtenHere }, null) : (null, damaged);
        }
        catch (Exception ex) when (ex is DocumentFormatException or InvalidOperationException)
        {
            // InvalidOperationException: a string the JSON reader cannot decode (half a surrogate pair).
            return (null, damaged);
        }
    }

    // A damaged record only costs the recognition of a remote that went back.
    private static AgreedBefore? ReadPrevious(JsonObject entry) =>
        entry["previous"] is JsonObject before && Text(before["hash"]) is { } hash ? new AgreedBefore(hash, Text(before["etag"])) : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Whether the service honours If-Match / If-None-Match, once learned; null before.</summary>
    public bool? ReadConditionalWrites(S3SyncSettings settings) =>
        Entry(settings)?["conditionalWrites"] is JsonValue value && value.TryGetValue<bool>(out var supported) ? supported : null;

    /// <param name="settings">The remote.</param>
    /// <param name="agreed">The document both sides hold now.</param>
    /// <param name="remote">
    /// The remote object as agreed (null when there is none): its ETag, and its size and time, kept so
    /// a later "unchanged" answer (304) can still show them.
    /// </param>
    public void SaveBase(S3SyncSettings settings, ConfigDocument agreed, RemoteObjectInfo? remote, bool writtenHere = false)
    {
        ArgumentNullException.ThrowIfNull(agreed);
        Update(settings, entry =>
        {
            // What was agreed before, read before anything of it is replaced.
            var (previousHash, previousETag) = (Text(entry["hash"]), Text(entry["etag"]));
            entry["etag"] = remote?.ETag;
            if (remote is { Size: >= 0 })
            {
                entry["size"] = remote.Size;
                entry["lastModified"] = remote.LastModified is { } modified ? Stamp(modified) : null;
            }
            else
            {
                entry.Remove("size");
                entry.Remove("lastModified");
            }
            var hash = agreed.SharedContentHash();
            // The state agreed before is kept, so a remote that is still that object is recognized.
            if (previousHash is { } previous && previous != hash)
                entry["previous"] = new JsonObject { ["hash"] = previous, ["etag"] = previousETag };
            entry["hash"] = hash;
            entry["writtenHere"] = writtenHere;
            entry.Remove("base");
            entry["agreedAt"] = Stamp(DateTimeOffset.UtcNow);
        }, SharedDocument.FromLocal(agreed).Root);
    }

    // Everything an entry says about an agreed state; what was learned of the service (conditional writes) stays.
    private static readonly string[] AgreedFields = ["base", "hash", "etag", "size", "lastModified", "previous", "writtenHere", "agreedAt"];

    public void ForgetBase(S3SyncSettings settings)
    {
        if (Entry(settings) is null)
            return;
        Update(settings, entry =>
        {
            foreach (var field in AgreedFields)
                entry.Remove(field);
        });
    }

    /// <summary>The last answer to "can the document be read without credentials?", and when it was found.</summary>
    public (bool Public, DateTimeOffset At)? ReadPublicCheck(S3SyncSettings settings) =>
        Entry(settings)?["publicCheck"] is JsonObject check && check["public"] is JsonValue p && p.TryGetValue<bool>(out var isPublic)
            && TimeOf(check["at"]) is { } at
            ? (isPublic, at) : null;

    public void SavePublicCheck(S3SyncSettings settings, bool isPublic, DateTimeOffset at) =>
        UpdateIfWritable(settings, entry => entry["publicCheck"] = new JsonObject
        {
            ["public"] = isPublic,
            ["at"] = Stamp(at),
        });

    public void SaveConditionalWrites(S3SyncSettings settings, bool supported) =>
        Update(settings, entry => entry["conditionalWrites"] = supported);

    // Times are stored as round-trip ISO 8601 text; anything else reads as unknown.
    private static string Stamp(DateTimeOffset time) => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? TimeOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at : null;

    private JsonObject? Entry(S3SyncSettings settings) =>
        ReadAll()["remotes"] is JsonObject remotes ? EntryIn(remotes, settings) as JsonObject : null;

    /// <param name="baseRoot">
    /// The entry's new base, written from the agreed document's own tree (a copy of a 10,000-config tree
    /// cost 30 MB): the entry's old base is left out of the tree and this is written in its place.
    /// </param>
    private void Update(S3SyncSettings settings, Action<JsonObject> change, JsonObject? baseRoot = null)
    {
        var all = ReadAll();
        // The tree is changed below: if the write fails, it no longer says what the file holds.
        _parsed = null;
        var remotes = all["remotes"] as JsonObject ?? new JsonObject();
        all["remotes"] = remotes;
        var id = RemoteId(settings);
        var legacy = RemoteIdentity.Legacy(settings);
        var entry = EntryIn(remotes, settings) as JsonObject ?? new JsonObject();
        // An entry found under its old name moves to the new one.
        if (legacy != id)
            remotes.Remove(legacy);
        remotes[id] = entry;
        change(entry);
        all["version"] = 1;
        try
        {
            AtomicFile.Write(StatePath, file => SyncStateText.Write(file, all, id, baseRoot, MaxDepth));
            // The written tree is the file now, unless its base was written from elsewhere.
            if (baseRoot is null && FileStamp.Of(StatePath) is { } written)
                _parsed = (written, all);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Errors.LocalConfigException($"cannot write {StatePath}: {LocalFile.Reason(ex)}", ex);
        }
    }

    // For what is only remembered to save a request (a read-only home must not fail s3-status).
    private void UpdateIfWritable(S3SyncSettings settings, Action<JsonObject> change)
    {
        try
        {
            Update(settings, change);
        }
        catch (Errors.LocalConfigException)
        {
        }
    }

    private JsonObject ReadAll() => TryReadAll(out var all) ? all : new JsonObject();

    private bool TryReadAll(out JsonObject all)
    {
        all = new JsonObject();
        try
        {
            if (!File.Exists(StatePath))
                return true;
            var stamp = FileStamp.Of(StatePath);
            if (stamp is not null && _parsed is { } parsed && parsed.Stamp == stamp)
            {
                all = parsed.State;
                return true;
            }
            // A FIFO or device in its place is no state (and is never opened); a base per remote fits in 64 MiB.
            if (!LocalFile.IsRegularWithin(StatePath, 64L * 1024 * 1024))
                return false;
            var bytes = File.ReadAllBytes(StatePath);
            // A duplicate key would otherwise surface as an exception wherever the tree is first read.
            StrictJsonCheck.Run(bytes, StatePath, MaxDepth);
            if (JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth }) is not JsonObject state)
                return false;
            all = state;
            if (stamp is not null && FileStamp.Of(StatePath) == stamp)
                _parsed = (stamp, state);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or UnauthorizedAccessException or DocumentFormatException)
        {
            return false;
        }
    }
}
