using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

/// <summary>How two documents differ, config by config (s3Sync and local-only configs set aside).</summary>
public sealed record DocumentDifference(
    IReadOnlyList<ConfigEntry> OnlyLocal,
    IReadOnlyList<ConfigEntry> OnlyRemote,
    IReadOnlyList<(ConfigEntry Local, ConfigEntry Remote)> Changed,
    bool OtherContentDiffers)
{
    public bool IsEmpty => OnlyLocal.Count == 0 && OnlyRemote.Count == 0 && Changed.Count == 0 && !OtherContentDiffers;

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
            else if (l.Canonical != r.Canonical)
                changed.Add((l, r));
        }

        var configsDiffer = onlyLocal.Count > 0 || onlyRemote.Count > 0 || changed.Count > 0;
        // Anything else (settings, tombstones, order, unknown fields) counts as a difference too.
        var other = !configsDiffer && !local.SharesContentWith(remote);
        return new DocumentDifference(onlyLocal, onlyRemote, changed, other);
    }

    /// <summary>One line per difference, secrets masked, for status and conflict reports.</summary>
    /// <summary>This difference without the configs named in <paramref name="names"/> (ignoring case): a side's changes that did not survive.</summary>
    public DocumentDifference Without(IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
            return this;
        bool Kept(ConfigEntry c) => c.Name is not { } name || !names.Contains(name);
        return new DocumentDifference([.. OnlyLocal.Where(Kept)], [.. OnlyRemote.Where(Kept)], [.. Changed.Where(p => Kept(p.Local) && Kept(p.Remote))], OtherContentDiffers);
    }

    public IEnumerable<string> Describe()
    {
        foreach (var c in OnlyLocal)
            yield return $"only here:   {Label(c)}";
        foreach (var c in OnlyRemote)
            yield return $"only remote: {Label(c)}";
        foreach (var (l, r) in Changed)
            yield return $"changed:     {Label(l)} here, {Label(r)} remote";
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
        if (OtherContentDiffers)
            yield return "settings or other fields changed";
    }

    private static string Label(ConfigEntry c) =>
        c.ApiKey is { } key ? $"{c.Name ?? "(unnamed)"} (key {SecretMask.Mask(key)})" : c.Name ?? "(unnamed)";
}
