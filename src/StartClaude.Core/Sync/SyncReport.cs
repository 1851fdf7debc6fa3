namespace StartClaude.Core.Sync;

/// <summary>What a sync did (or, for a dry run, would do).</summary>
public sealed record SyncReport(
    SyncOutcome Outcome,
    string Reason,
    DocumentDifference? LocalChanges,
    DocumentDifference? RemoteChanges,
    IReadOnlyList<MergeConflict> Conflicts,
    int Retries,
    bool DryRun,
    bool ConditionalWrites)
{
    /// <summary>Repairs and damaged files noticed on the way, one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Which side won each conflict, by <see cref="MergeConflict.Key"/>.</summary>
    public IReadOnlyDictionary<string, ConflictSide> Decisions { get; init; } = new Dictionary<string, ConflictSide>();

    /// <summary>A dry run only: the question a real run would ask first (nothing said answers it).</summary>
    public SyncQuestion? Pending { get; init; }

    /// <summary>The plan as decided (for a dry run that stopped at a question, where things stand).</summary>
    public required SyncPlan Plan { get; init; }

    /// <summary>The remote document as read for the plan (null when none was read, or there is none).</summary>
    public Remote.RemoteObjectInfo? RemoteInfo { get; init; }

    public static SyncReport Of(SyncPlan plan, int retries, bool dryRun, SyncQuestion? pending = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SyncReport(plan.Outcome, plan.Reason, plan.LocalChanges, plan.RemoteChanges, plan.Conflicts, retries, dryRun, plan.ConditionalWrites)
        {
            Warnings = plan.Warnings,
            Decisions = plan.Decisions,
            Pending = pending,
            Plan = plan,
        };
    }
}
