using System.Text.Json.Nodes;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

public enum ConflictSide
{
    Local,
    Remote,
}

/// <summary>One config (or one settings key) changed differently on both sides since they last agreed.</summary>
/// <param name="Label">What differs, for a person: "config work" or "setting balanceMode".</param>
/// <param name="Local">The local version, or null when this side deleted it.</param>
/// <param name="Remote">The remote version, or null when that side deleted it.</param>
public sealed record MergeConflict(string Label, JsonNode? Local, JsonNode? Remote)
{
    internal Action<ConflictSide> Apply { get; init; } = _ => { };

    /// <summary>How this side's version reads, secrets masked.</summary>
    public string Describe(ConflictSide side)
    {
        var node = side == ConflictSide.Local ? Local : Remote;
        if (node is null)
            return "deleted";
        if (node is JsonObject config && config["isDeleted"] is JsonValue deleted && deleted.TryGetValue<bool>(out var d) && d)
            return "deleted";
        if (node is JsonObject obj && obj.ContainsKey("name"))
        {
            var entry = new ConfigEntry(obj);
            var parts = new List<string>();
            if (entry.BaseUrl is { } url) parts.Add(url);
            if (entry.Model is { } model) parts.Add(model);
            if (entry.ApiKey is { } key) parts.Add("key " + SecretMask.Mask(key));
            return parts.Count > 0 ? string.Join(", ", parts) : "changed";
        }
        var text = CanonicalJson.Of(node);
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}

/// <summary>The result of a three-way merge: a document, and what still needs a decision.</summary>
public sealed class MergeOutcome
{
    private readonly Func<ConfigDocument> _build;

    internal MergeOutcome(IReadOnlyList<MergeConflict> conflicts, Func<ConfigDocument> build)
    {
        Conflicts = conflicts;
        _build = build;
    }

    public IReadOnlyList<MergeConflict> Conflicts { get; }

    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>The merged document once every conflict has been decided by <paramref name="decide"/>.</summary>
    public ConfigDocument Resolve(Func<MergeConflict, ConflictSide> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        foreach (var conflict in Conflicts)
            conflict.Apply(decide(conflict));
        return _build();
    }

    /// <summary>The merged document; only valid without conflicts.</summary>
    public ConfigDocument Merged => HasConflicts
        ? throw new InvalidOperationException("the merge has undecided conflicts")
        : _build();
}

/// <summary>
/// Merges local and remote against the base they last agreed on: per config (matched by id where
/// both have one, else by name ignoring case), per settings key and per other top-level key. A side
/// that did not change since the base yields to the side that did; both changing the same thing
/// differently (edit/edit, edit/delete) is a conflict. s3Sync is never part of it.
/// </summary>
public static class ThreeWayMerge
{
    private const string SyncKey = "s3Sync";

    public static MergeOutcome Merge(ConfigDocument? baseDocument, ConfigDocument local, ConfigDocument remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        var b = (baseDocument ?? ConfigDocument.CreateEmpty()).ForRemote().Root;
        var l = local.ForRemote().Root;
        var r = remote.ForRemote().Root;

        var conflicts = new List<MergeConflict>();
        var topLevel = MergeKeys(b, l, r, exclude: ["configs", "settings"], "field", conflicts);
        var settings = MergeKeys(b["settings"] as JsonObject, l["settings"] as JsonObject, r["settings"] as JsonObject, exclude: [SyncKey], "setting", conflicts);
        var configs = MergeConfigs(Entries(b), Entries(l), Entries(r), conflicts);

        ConfigDocument Build()
        {
            var root = new JsonObject();
            foreach (var (key, value) in topLevel.Materialize())
                root[key] = value;
            root["configs"] = new JsonArray([.. configs.Materialize().Select(c => c.Value)]);
            var settingsObject = new JsonObject();
            foreach (var (key, value) in settings.Materialize())
                settingsObject[key] = value;
            root["settings"] = settingsObject;
            return ConfigDocument.FromRoot(root).WithSyncSettingsOf(local);
        }

        return new MergeOutcome(conflicts, Build);
    }

    private static List<JsonObject> Entries(JsonObject root) =>
        root["configs"] is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    private static Slots MergeKeys(JsonObject? b, JsonObject? l, JsonObject? r, string[] exclude, string kind, List<MergeConflict> conflicts)
    {
        var slots = new Slots();
        var keys = new List<string>();
        foreach (var source in new[] { r, l, b })
        {
            foreach (var (key, _) in source ?? [])
            {
                if (!exclude.Contains(key) && !keys.Contains(key))
                    keys.Add(key);
            }
        }
        foreach (var key in keys)
        {
            var slot = slots.Add(key);
            Decide(Value(b, key), Value(l, key), Value(r, key), slot, $"{kind} {key}", conflicts);
        }
        return slots;
    }

    private static Version Value(JsonObject? obj, string key) =>
        obj is not null && obj.TryGetPropertyValue(key, out var value) ? new Version(true, value) : Version.Absent;

    private static Slots MergeConfigs(List<JsonObject> b, List<JsonObject> l, List<JsonObject> r, List<MergeConflict> conflicts)
    {
        // Clusters of one config's three versions. Remote order first so devices converge on one order.
        var clusters = new List<(JsonObject? B, JsonObject? L, JsonObject? R)>();
        foreach (var remote in r)
            clusters.Add((null, null, remote));
        foreach (var local in l)
        {
            var index = clusters.FindIndex(c => c.L is null && c.R is not null && Same(c.R, local));
            if (index >= 0)
                clusters[index] = clusters[index] with { L = local };
            else
                clusters.Add((null, local, null));
        }
        foreach (var baseConfig in b)
        {
            var index = clusters.FindIndex(c => c.B is null && ((c.R is not null && Same(c.R, baseConfig)) || (c.L is not null && Same(c.L, baseConfig))));
            if (index >= 0)
                clusters[index] = clusters[index] with { B = baseConfig };
            else
                clusters.Add((baseConfig, null, null));
        }

        var slots = new Slots();
        for (var i = 0; i < clusters.Count; i++)
        {
            var (bc, lc, rc) = clusters[i];
            var name = new ConfigEntry(lc ?? rc ?? bc!).Name ?? "(unnamed)";
            Decide(Version.Of(bc), Version.Of(lc), Version.Of(rc), slots.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"config {name}", conflicts);
        }
        return slots;
    }

    private static bool Same(JsonObject a, JsonObject b) => new ConfigEntry(a).SameConfigAs(new ConfigEntry(b));

    private static void Decide(Version b, Version l, Version r, Slot slot, string label, List<MergeConflict> conflicts)
    {
        var (bt, lt, rt) = (b.Text, l.Text, r.Text);
        if (lt == rt)
            slot.Value = l;
        else if (lt == bt)
            slot.Value = r;
        else if (rt == bt)
            slot.Value = l;
        else
            conflicts.Add(new MergeConflict(label, l.Node?.DeepClone(), r.Node?.DeepClone()) { Apply = side => slot.Value = side == ConflictSide.Local ? l : r });
    }

    /// <summary>One side's version of a value: absent, or present (possibly JSON null).</summary>
    private readonly record struct Version(bool Present, JsonNode? Node)
    {
        public static Version Absent => default;

        public static Version Of(JsonNode? node) => node is null ? Absent : new Version(true, node);

        public string? Text => Present ? CanonicalJson.Of(Node) : null;
    }

    private sealed class Slot
    {
        public Version Value { get; set; }
    }

    private sealed class Slots
    {
        private readonly List<(string Key, Slot Slot)> _items = [];

        public Slot Add(string key)
        {
            var slot = new Slot();
            _items.Add((key, slot));
            return slot;
        }

        // Absent values drop out; each present value is cloned so the result shares no nodes.
        public IEnumerable<(string Key, JsonNode? Value)> Materialize() =>
            _items.Where(i => i.Slot.Value.Present).Select(i => (i.Key, i.Slot.Value.Node?.DeepClone()));
    }
}
