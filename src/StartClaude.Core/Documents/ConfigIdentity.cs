namespace StartClaude.Core.Documents;

/// <summary>
/// The one rule for "is this the same config?": two configs are the same when their ids match, or —
/// an id missing or the ids differing — when their names are equal ignoring case and surrounding white space. Only live configs
/// are matched by name: a deletion tombstone is the same config as another only by id, so a new
/// config that reuses a deleted one's name is a new config.
/// </summary>
public static class ConfigIdentity
{
    /// <summary>Names compare ignoring case and surrounding white space (<see cref="ConfigNameComparer"/>).</summary>
    public static StringComparer NameComparer => ConfigNameComparer.Instance;

    public static bool Same(ConfigEntry a, ConfigEntry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Id is { Length: > 0 } id && string.Equals(id, b.Id, StringComparison.Ordinal))
            return true;
        return !a.IsDeleted && !b.IsDeleted && a.Name is not null && NameComparer.Equals(a.Name, b.Name);
    }

    /// <summary>
    /// Pairs the configs of two lists by the rule above, ids first, then names: every entry appears
    /// once, alone or with its partner, left's order first. Each list is indexed once (linear time).
    /// </summary>
    public static IReadOnlyList<(ConfigEntry? Left, ConfigEntry? Right)> Pair(IReadOnlyList<ConfigEntry> left, IReadOnlyList<ConfigEntry> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(NameComparer);
        for (var i = 0; i < right.Count; i++)
        {
            if (right[i].Id is { Length: > 0 } id)
                byId.TryAdd(id, i);
            if (!right[i].IsDeleted && right[i].Name is { } name)
                byName.TryAdd(name, i);
        }

        var claimed = new bool[right.Count];
        var leftPartner = new int[left.Count];
        // Ids first for every left entry, so a name never takes a config that an id claims.
        for (var i = 0; i < left.Count; i++)
        {
            leftPartner[i] = -1;
            if (left[i].Id is { Length: > 0 } id && byId.TryGetValue(id, out var j) && !claimed[j])
            {
                claimed[j] = true;
                leftPartner[i] = j;
            }
        }
        for (var i = 0; i < left.Count; i++)
        {
            if (leftPartner[i] < 0 && !left[i].IsDeleted && left[i].Name is { } name && byName.TryGetValue(name, out var j) && !claimed[j])
            {
                claimed[j] = true;
                leftPartner[i] = j;
            }
        }

        var pairs = new List<(ConfigEntry?, ConfigEntry?)>(left.Count + right.Count);
        for (var i = 0; i < left.Count; i++)
            pairs.Add((left[i], leftPartner[i] >= 0 ? right[leftPartner[i]] : null));
        for (var j = 0; j < right.Count; j++)
        {
            if (!claimed[j])
                pairs.Add((null, right[j]));
        }
        return pairs;
    }
}
