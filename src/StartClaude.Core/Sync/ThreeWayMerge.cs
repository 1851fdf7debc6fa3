using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
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

    /// <summary>
    /// The conflict by content: what differs and both versions. An answer given for one key still fits a
    /// re-plan only while both versions are what the person saw.
    /// </summary>
    public string Key => $"{Label}\n{(Local is null ? "-" : CanonicalJson.Of(Local))}\n{(Remote is null ? "-" : CanonicalJson.Of(Remote))}";

    /// <summary>How this side's version reads, secrets masked.</summary>
    public string Describe(ConflictSide side)
    {
        var node = side == ConflictSide.Local ? Local : Remote;
        if (node is null)
            return "deleted";
        if (node is JsonObject config && config["isDeleted"] is JsonValue deleted && deleted.TryGetValue<bool>(out var d) && d)
            return "deleted";
        if (ClaudeSection.IsTombstone(node))
            return "deleted";
        if (ClaudeSection.TextOf(node) is { } text)
            return ClaudeItemText.Describe(text, ClaudeSection.TextOf(side == ConflictSide.Local ? Remote : Local));
        if (ClaudeSection.ValueOf(node) is (true, var itemValue))
            return ClaudeItemText.DescribeValue(itemValue, secret: ClaudeItemText.IsSecretSetting(Label));
        if (node is JsonObject obj && obj.ContainsKey("name"))
        {
            var entry = new ConfigEntry(obj);
            var parts = new List<string>();
            if (entry.BaseUrl is { } url) parts.Add(url);
            if (entry.Model is { } model) parts.Add(model);
            if (entry.ApiKey is { } key) parts.Add("key " + SecretMask.Mask(key));
            return parts.Count > 0 ? string.Join(", ", parts) : "changed";
        }
        // A setting or field this version does not know may hold a secret: strings are masked, nested values summarized.
        return node switch
        {
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => SecretMask.Mask(value.GetValue<string>()),
            JsonValue value => CanonicalJson.Of(value),
            JsonObject fields => $"an object of {fields.Count} field{(fields.Count == 1 ? "" : "s")}",
            JsonArray array => $"a list of {array.Count}",
            _ => "changed",
        };
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
/// Merges local and remote against the base they last agreed on (an empty base when they never
/// agreed): per config (matched by <see cref="ConfigIdentity"/>), per settings key, per other
/// top-level key, and the default as one value of its own. A side that did not change since the base
/// yields to the side that did; both changing the same thing differently (edit/edit, edit/delete) is
/// a conflict. s3Sync is never part of it. Configs matched by name whose ids differ become one config
/// with the remote's id (the one other devices already know it by), so ids alone never conflict.
/// Each document is indexed once: the merge is linear in the number of configs.
/// </summary>
public static class ThreeWayMerge
{
    private const string SyncKey = "s3Sync";

    public static MergeOutcome Merge(ConfigDocument? baseDocument, ConfigDocument local, ConfigDocument remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        // Copies: the merge unifies ids in place.
        var b = (JsonObject)SharedDocument.FromLocal(baseDocument ?? ConfigDocument.CreateEmpty()).Root.DeepClone();
        var l = (JsonObject)SharedDocument.FromLocal(local).Root.DeepClone();
        var r = (JsonObject)SharedDocument.FromLocal(remote).Root.DeepClone();

        var conflicts = new List<MergeConflict>();
        var topLevel = MergeKeys(b, l, r, exclude: ["configs", "settings", ClaudeSection.Key], "field", conflicts);
        var claude = MergeClaudeSection(ClaudeSection.Of(b), ClaudeSection.Of(l), ClaudeSection.Of(r), conflicts);
        var settings = MergeKeys(b["settings"] as JsonObject, l["settings"] as JsonObject, r["settings"] as JsonObject, exclude: [SyncKey], "setting", conflicts);
        var configs = MergeConfigs(Entries(b), Entries(l), Entries(r), conflicts, out var defaultSlot);

        ConfigDocument Build()
        {
            var root = new JsonObject();
            foreach (var (key, value) in topLevel.Materialize())
                root[key] = value;
            var chosenDefault = defaultSlot.Value.Present ? defaultSlot.Key : null;
            var merged = new JsonArray();
            foreach (var (key, value) in configs.Materialize())
            {
                if (value is JsonObject config && (key == chosenDefault || config.ContainsKey(DefaultKey)))
                    config[DefaultKey] = key == chosenDefault;
                merged.Add(value);
            }
            root["configs"] = merged;
            var settingsObject = new JsonObject();
            foreach (var (key, value) in settings.Materialize())
                settingsObject[key] = value;
            root["settings"] = settingsObject;
            var section = new JsonObject();
            foreach (var (key, value) in claude.Fields.Materialize())
                section[key] = value;
            foreach (var (id, value) in claude.Items.Materialize())
                ClaudeSection.Put(section, id, value);
            if (ClaudeSection.Normalized(section) is { } claudeSection)
                root[ClaudeSection.Key] = claudeSection;
            return SharedDocument.ApplyToLocal(ConfigDocument.FromRoot(root), local);
        }

        return new MergeOutcome(conflicts, Build);
    }

    private static List<JsonObject> Entries(JsonObject root) =>
        root["configs"] is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    private static Slots MergeKeys(JsonObject? b, JsonObject? l, JsonObject? r, string[] exclude, string kind, List<MergeConflict> conflicts)
    {
        var slots = new Slots();
        var keys = KeysOf(r, l, b, exclude);
        foreach (var key in keys)
        {
            var (bv, lv, rv) = (Value(b, key), Value(l, key), Value(r, key));
            Decide(bv, lv, rv, bv.Text, lv.Text, rv.Text, slots.Add(key), $"{kind} {key}", conflicts);
        }
        return slots;
    }

    /// <summary>
    /// The Claude Code items, each on its own (slot key "map\nname"): a file changed on both sides is merged
    /// line by line when the edits do not overlap; anything else changed differently on both sides is a conflict.
    /// Keys of the section this version does not know are merged as whole values.
    /// </summary>
    private static (Slots Fields, Slots Items) MergeClaudeSection(JsonObject? b, JsonObject? l, JsonObject? r, List<MergeConflict> conflicts)
    {
        var slots = new Slots();
        var itemSlots = new Slots();
        if (b is null && l is null && r is null)
            return (slots, itemSlots);
        var keys = KeysOf(r, l, b, []);
        foreach (var key in keys)
        {
            var (bm, lm, rm) = (b?[key], l?[key], r?[key]);
            if (key is not (ClaudeSection.Files or ClaudeSection.McpServers or ClaudeSection.Settings)
                || bm is not (null or JsonObject) || lm is not (null or JsonObject) || rm is not (null or JsonObject))
            {
                var (bv, lv, rv) = (Value(b, key), Value(l, key), Value(r, key));
                Decide(bv, lv, rv, bv.Text, lv.Text, rv.Text, slots.Add(key), $"Claude Code field {key}", conflicts);
                continue;
            }
            var names = KeysOf(rm as JsonObject, lm as JsonObject, bm as JsonObject, []);
            foreach (var name in names)
            {
                var (bv, lv, rv) = (Value(bm as JsonObject, name), Value(lm as JsonObject, name), Value(rm as JsonObject, name));
                var id = ClaudeSection.IdOf(key, name);
                var slot = itemSlots.Add(id);
                var label = ClaudeSection.Label(id);
                if (key == ClaudeSection.Files && lv.Text != rv.Text && lv.Text != bv.Text && rv.Text != bv.Text
                    && ClaudeSection.TextOf(bv.Node) is { } baseText && ClaudeSection.TextOf(lv.Node) is { } localText
                    && ClaudeSection.TextOf(rv.Node) is { } remoteText && TextMerge.Merge(baseText, localText, remoteText) is { Merged: { } merged })
                {
                    slot.Value = new Version(true, ClaudeSection.FileItem(merged));
                    continue;
                }
                Decide(bv, lv, rv, bv.Text, lv.Text, rv.Text, slot, label, conflicts);
            }
        }
        return (slots, itemSlots);
    }

    // Every key of the three objects once, the remote's order first so devices converge on one order.
    private static List<string> KeysOf(JsonObject? r, JsonObject? l, JsonObject? b, string[] exclude)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(exclude, StringComparer.Ordinal);
        foreach (var source in new[] { r, l, b })
        {
            foreach (var (key, _) in source ?? [])
            {
                if (seen.Add(key))
                    keys.Add(key);
            }
        }
        return keys;
    }

    private static Version Value(JsonObject? obj, string key) =>
        obj is not null && obj.TryGetPropertyValue(key, out var value) ? new Version(true, value) : Version.Absent;

    /// <summary>One config's three versions.</summary>
    private sealed class Cluster
    {
        public JsonObject? B { get; set; }

        public JsonObject? L { get; set; }

        public JsonObject? R { get; set; }

        public string? Id => Entry(R)?.Id ?? Entry(L)?.Id;

        private static ConfigEntry? Entry(JsonObject? node) => node is null ? null : new ConfigEntry(node);
    }

    /// <param name="defaultSlot">Which config is the default: its slot key, decided like any other value.</param>
    private static Slots MergeConfigs(List<JsonObject> b, List<JsonObject> l, List<JsonObject> r, List<MergeConflict> conflicts, out Slot defaultSlot)
    {
        // Remote order first so devices converge on one order; then configs only here; then the base's.
        var clusters = new List<Cluster>();
        var pairs = ConfigIdentity.Pair([.. r.Select(c => new ConfigEntry(c))], [.. l.Select(c => new ConfigEntry(c))]);
        foreach (var (remote, local) in pairs)
        {
            var cluster = new Cluster { R = remote?.Node, L = local?.Node };
            // Matched by name with other ids: one config from now on, under the remote's id.
            if (cluster.Id is { } id)
            {
                SetId(cluster.L, id);
                SetId(cluster.R, id);
            }
            clusters.Add(cluster);
        }

        var byId = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var byName = new Dictionary<string, Cluster>(ConfigIdentity.NameComparer);
        foreach (var cluster in clusters)
        {
            if (cluster.Id is { Length: > 0 } id)
                byId.TryAdd(id, cluster);
            foreach (var node in new[] { cluster.R, cluster.L })
            {
                if (node is not null && new ConfigEntry(node) is { IsDeleted: false, Name: { } name })
                    byName.TryAdd(name, cluster);
            }
        }
        foreach (var baseConfig in b)
        {
            var entry = new ConfigEntry(baseConfig);
            var match = entry.Id is { Length: > 0 } id && byId.TryGetValue(id, out var byIdMatch) && byIdMatch.B is null ? byIdMatch
                : !entry.IsDeleted && entry.Name is { } name && byName.TryGetValue(name, out var byNameMatch) && byNameMatch.B is null ? byNameMatch
                : null;
            if (match is null)
            {
                clusters.Add(new Cluster { B = baseConfig });
                continue;
            }
            match.B = baseConfig;
            if (match.Id is { } clusterId)
                SetId(baseConfig, clusterId);
        }

        var slots = new Slots();
        var defaults = (B: Version.Absent, L: Version.Absent, R: Version.Absent);
        var defaultKeys = (B: (string?)null, L: (string?)null, R: (string?)null);
        for (var i = 0; i < clusters.Count; i++)
        {
            var (bc, lc, rc) = (clusters[i].B, clusters[i].L, clusters[i].R);
            var name = new ConfigEntry(lc ?? rc ?? bc!).Name ?? "(unnamed)";
            var key = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Decide(Version.Of(bc), Version.Of(lc), Version.Of(rc), ConfigText(bc), ConfigText(lc), ConfigText(rc), slots.Add(key), $"config {name}", conflicts);
            if (defaultKeys.B is null && IsLiveDefault(bc)) (defaults.B, defaultKeys.B) = (DefaultVersion(bc!), key);
            if (defaultKeys.L is null && IsLiveDefault(lc)) (defaults.L, defaultKeys.L) = (DefaultVersion(lc!), key);
            if (defaultKeys.R is null && IsLiveDefault(rc)) (defaults.R, defaultKeys.R) = (DefaultVersion(rc!), key);
        }

        // With no default in the base (two machines joining, or each adding its first config), nobody
        // chose one on purpose: the remote's stays the default (the one other devices use), else this machine's.
        if (defaultKeys.B is null)
            (defaults.B, defaultKeys.B) = defaultKeys.R is not null ? (defaults.L, defaultKeys.L) : (defaults.R, defaultKeys.R);
        defaultSlot = new Slot();
        var chosen = defaultSlot;
        Decide(defaults.B, defaults.L, defaults.R, defaultKeys.B, defaultKeys.L, defaultKeys.R, chosen, "the default config", conflicts,
            side => chosen.Key = side == ConflictSide.Local ? defaultKeys.L : defaultKeys.R);
        chosen.Key = !chosen.Value.Present ? null : chosen.Value == defaults.L ? defaultKeys.L : defaultKeys.R;
        return slots;
    }

    private const string DefaultKey = "isDefault";

    private static void SetId(JsonObject? node, string id)
    {
        if (node is not null && new ConfigEntry(node).Id != id)
            node["id"] = id;
    }

    private static bool IsLiveDefault(JsonObject? node) => node is not null && new ConfigEntry(node) is { IsDeleted: false, IsDefault: true };

    // The default is decided as its own value: the config's name stands for it in a conflict.
    private static Version DefaultVersion(JsonObject node) => new(true, JsonValue.Create(new ConfigEntry(node).Name ?? "(unnamed)"));

    // Whether a config is the default is decided once for the document, not per config.
    private static string? ConfigText(JsonObject? node) => node is null ? null : CanonicalJson.Of(node, skipKey: DefaultKey);

    private static void Decide(Version b, Version l, Version r, string? bt, string? lt, string? rt, Slot slot, string label, List<MergeConflict> conflicts, Action<ConflictSide>? alsoApply = null)
    {
        if (lt == rt)
            slot.Value = l;
        else if (lt == bt)
            slot.Value = r;
        else if (rt == bt)
            slot.Value = l;
        else
        {
            conflicts.Add(new MergeConflict(label, l.Node?.DeepClone(), r.Node?.DeepClone())
            {
                Apply = side =>
                {
                    slot.Value = side == ConflictSide.Local ? l : r;
                    alsoApply?.Invoke(side);
                },
            });
        }
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

        /// <summary>For the default: the slot key of the config chosen.</summary>
        public string? Key { get; set; }
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
