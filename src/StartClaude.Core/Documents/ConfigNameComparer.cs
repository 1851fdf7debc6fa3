namespace StartClaude.Core.Documents;

/// <summary>
/// The one key a config name is known by: ignoring case and the white space around it, so " work", "Work"
/// and "work" are one name everywhere — when a person types it, when two documents are matched, and when a
/// document is held to its rules.
/// </summary>
public sealed class ConfigNameComparer : StringComparer
{
    public static ConfigNameComparer Instance { get; } = new();

    private ConfigNameComparer()
    {
    }

    // string.Trim returns the same instance when there is nothing to trim: no allocation in the usual case.
    public override int Compare(string? x, string? y) => StringComparer.OrdinalIgnoreCase.Compare(x?.Trim(), y?.Trim());

    public override bool Equals(string? x, string? y) => StringComparer.OrdinalIgnoreCase.Equals(x?.Trim(), y?.Trim());

    public override int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Trim());
    }
}
