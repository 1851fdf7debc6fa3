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

    public static SyncReport Of(SyncPlan plan, int retries, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SyncReport(plan.Outcome, plan.Reason, plan.LocalChanges, plan.RemoteChanges, plan.Conflicts, retries, dryRun, plan.ConditionalWrites)
        {
            Warnings = plan.Warnings,
        };
    }
}
