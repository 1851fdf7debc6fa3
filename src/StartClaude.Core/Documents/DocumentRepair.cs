namespace StartClaude.Core.Documents;

/// <summary>A document after <see cref="DocumentInvariants.Repair"/>, and the one warning line saying what changed (null when nothing did).</summary>
public sealed record DocumentRepair(ConfigDocument Document, string? Warning)
{
    public bool Repaired => Warning is not null;
}
