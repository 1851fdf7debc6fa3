namespace StartClaude.Abstractions;

/// <summary>
/// A provider's list of regions, kept in its module so a new region is a one-line edit there. A region
/// not on the list is questioned (with the nearest listed ones), never silently taken: a typo would
/// otherwise surface much later as a host that cannot be found. A region newer than the list can still
/// be accepted on purpose.
/// </summary>
/// <param name="serviceName">The service's name in messages (for example "AWS").</param>
/// <param name="regions">The regions, as the service spells them.</param>
public sealed class KnownRegions(string serviceName, IEnumerable<string> regions)
{
    /// <summary>The regions, as the service spells them.</summary>
    public IReadOnlyList<string> All { get; } = [.. regions];

    /// <summary>True when <paramref name="region"/> (trimmed) is on the list.</summary>
    public bool Contains(string? region) =>
        region is not null && All.Contains(region.Trim(), StringComparer.Ordinal);

    /// <summary>Null for a listed region, else one sentence naming the nearest listed regions.</summary>
    public string? Problem(string? region)
    {
        if (region is null || Contains(region))
            return null;
        var closest = ClosestWords.To(region, All);
        var suggestion = closest.Count > 0 ? $"; did you mean {string.Join(" or ", closest)}?" : $" (known: {string.Join(", ", All)})";
        return $"'{region.Trim()}' is not among the {serviceName} regions this version knows{suggestion}";
    }
}
