using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

/// <summary>One Claude Code item that differs: its id and each side's version (null when that side has none, or deleted it).</summary>
public sealed record ClaudeItemDifference(string Id, JsonNode? Local, JsonNode? Remote)
{
    public string Label => ClaudeSection.Label(Id);

    public ClaudeItemDifference Swapped() => new(Id, Remote, Local);
}

/// <summary>How two documents differ, config by config and Claude Code item by item (s3Sync and local-only configs set aside).</summary>
public sealed record DocumentDifference(
    IReadOnlyList<ConfigEntry> OnlyLocal,
    IReadOnlyList<ConfigEntry> OnlyRemote,
    IReadOnlyList<(ConfigEntry Local, ConfigEntry Remote)> Changed,
    bool OtherContentDiffers)
{
    /// <summary>The Claude Code items that differ.</summary>
    public IReadOnlyList<ClaudeItemDifference> Items { get; init; } = [];

    public bool IsEmpty => OnlyLocal.Count == 0 && OnlyRemote.Count == 0 && Changed.Count == 0 && Items.Count == 0 && !OtherContentDiffers;

    public static DocumentDifference Between(ConfigDocument local, ConfigDocument remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        // Local-only configs are never a difference: they take no part in sync.
        local = SharedDocument.FromLocal(local);
        remote = SharedDocument.FromLocal(remote);
        var changed = new List<(ConfigEntry, ConfigEntry)>();
        var onlyLocal = new List<ConfigEntry>();
        var onlyRemote = new List<ConfigEntry>();
        foreach (var (l, r) in ConfigIdentity.Pair(local.LiveConfigs, remote.LiveConfigs))
        {
            if (r is null)
                onlyLocal.Add(l!);
            else if (l is null)
                onlyRemote.Add(r);
            else if (!l.SameContentAs(r))
                changed.Add((l, r));
        }

        var items = ItemsBetween(local.ClaudeSection, remote.ClaudeSection);
        var configsDiffer = onlyLocal.Count > 0 || onlyRemote.Count > 0 || changed.Count > 0 || items.Count > 0;
        // Anything else (settings, tombstones, order, unknown fields) counts as a difference too.
        var other = !configsDiffer && !local.SharesContentWith(remote);
        return new DocumentDifference(onlyLocal, onlyRemote, changed, other) { Items = items };
    }

    private static List<ClaudeItemDifference> ItemsBetween(JsonObject? local, JsonObject? remote)
    {
        var found = new List<ClaudeItemDifference>();
        if (local is null && remote is null)
            return found;
        static JsonNode? Live(JsonNode? item) => ClaudeSection.IsTombstone(item) ? null : item;
        var remoteItems = ClaudeSection.Items(remote).ToDictionary(i => i.Id, i => Live(i.Item), StringComparer.Ordinal);
        foreach (var (id, item) in ClaudeSection.Items(local))
        {
            var l = Live(item);
            remoteItems.Remove(id, out var r);
            if ((l is null) != (r is null) || (l is not null && CanonicalJson.Of(l) != CanonicalJson.Of(r)))
                found.Add(new ClaudeItemDifference(id, l, r));
        }
        foreach (var (id, r) in remoteItems)
        {
            if (r is not null)
                found.Add(new ClaudeItemDifference(id, null, r));
        }
        return found;
    }

    /// <summary>For a difference taken with no base: what one side holds that the other does not, or holds otherwise.</summary>
    internal (DocumentDifference Here, DocumentDifference There) Sides() =>
        (new DocumentDifference(OnlyLocal, [], Changed, OtherContentDiffers) { Items = [.. Items.Where(i => i.Local is not null)] },
         new DocumentDifference(OnlyRemote, [], [.. Changed.Select(c => (c.Remote, c.Local))], OtherContentDiffers) { Items = [.. Items.Where(i => i.Remote is not null).Select(i => i.Swapped())] });

    /// <summary>One line per difference, secrets masked, for status and conflict reports.</summary>
    /// <summary>This difference without the configs named in <paramref name="names"/> (ignoring case): a side's changes that did not survive.</summary>
    public DocumentDifference Without(IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
            return this;
        bool Kept(ConfigEntry c) => c.Name is not { } name || !names.Contains(name);
        return new DocumentDifference([.. OnlyLocal.Where(Kept)], [.. OnlyRemote.Where(Kept)], [.. Changed.Where(p => Kept(p.Local) && Kept(p.Remote))], OtherContentDiffers) { Items = Items };
    }

    public IEnumerable<string> Describe()
    {
        foreach (var c in OnlyLocal)
            yield return $"only here:   {Label(c)}";
        foreach (var c in OnlyRemote)
            yield return $"only remote: {Label(c)}";
        foreach (var (l, r) in Changed)
            yield return $"changed:     {Label(l)} here, {Label(r)} remote";
        foreach (var item in Items)
            yield return item switch
            {
                { Remote: null } => $"only here:   {item.Label}",
                { Local: null } => $"only remote: {item.Label}",
                _ => $"changed:     {item.Label}",
            };
        if (OtherContentDiffers)
            yield return "settings or other fields differ";
    }

    /// <summary>
    /// For a difference taken as <c>Between(current, base)</c>: what changed since the base, one line each.
    /// </summary>
    public IEnumerable<string> DescribeChanges()
    {
        foreach (var c in OnlyLocal)
            yield return $"added:   {Label(c)}";
        foreach (var c in OnlyRemote)
            yield return $"removed: {Label(c)}";
        foreach (var (now, _) in Changed)
            yield return $"changed: {Label(now)}";
        foreach (var item in Items)
            yield return item switch
            {
                { Remote: null } => $"added:   {item.Label}",
                { Local: null } => $"removed: {item.Label}",
                _ => $"changed: {item.Label}",
            };
        if (OtherContentDiffers)
            yield return "settings or other fields changed";
    }

    private static string Label(ConfigEntry c) =>
        c.ApiKey is { } key ? $"{c.Name ?? "(unnamed)"} (key {SecretMask.Mask(key)})" : c.Name ?? "(unnamed)";
}
