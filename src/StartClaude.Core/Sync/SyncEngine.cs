using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// Reads the three documents, asks <see cref="SyncPlanner"/> what to do, gets the decisions it needs
/// and has <see cref="SyncWriter"/> carry the plan out. A refused write (412, or a changed ETag seen
/// just before writing where the service ignores conditions) makes it read, plan and try again, a
/// bounded number of times; nothing is decided here.
/// </summary>
public sealed class SyncEngine(LocalConfigStore localStore, SyncStateStore stateStore, SyncWriter writer)
{
    public const int MaxAttempts = 10;

    /// <summary>Reads local, remote and base, and plans (no decisions, nothing written): for status and dry runs.</summary>
    public async Task<(SyncInputs Inputs, SyncPlan Plan)> ReadAndPlanAsync(SyncTarget target, SyncBase? fallbackBase = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (syncBase, warning) = stateStore.ReadBaseChecked(target.Settings);
        syncBase ??= fallbackBase;
        var remote = await RemoteSnapshot.ReadAsync(target.Remote, target.Codec, syncBase, cancellationToken).ConfigureAwait(false);
        var inputs = new SyncInputs(target.Local, remote, syncBase, stateStore.ReadConditionalWrites(target.Settings) ?? true);
        var plan = SyncPlanner.Plan(inputs);
        return (inputs, warning is null ? plan : plan with { Warnings = [warning, .. plan.Warnings] });
    }

    public async Task<SyncReport> SyncAsync(SyncTarget target, ISyncDecisions decisions, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(decisions);

        // Once this sync has seen no remote document, "nothing" is a state both sides agreed on: a
        // document another device creates meanwhile is merged against an empty base, not a conflict.
        var sawNoRemote = false;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
                // Full jitter, growing: devices that collided spread out instead of colliding again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40 << Math.Min(attempt, 5))), cancellationToken).ConfigureAwait(false);
            var current = attempt == 0 ? target : target with { Local = localStore.Read() ?? target.Local };
            var (inputs, plan) = await ReadAndPlanAsync(current, sawNoRemote ? SyncBase.Empty : null, cancellationToken).ConfigureAwait(false);
            sawNoRemote |= inputs.Remote is null;
            if (dryRun)
            {
                return SyncReport.Of(plan.EmptiedRemote is { } emptied ? plan with { Warnings = [.. plan.Warnings, $"{emptied}: a real sync asks before applying that"] } : plan, attempt, dryRun);
            }

            if (plan.EmptiedRemote is { } why && decisions.DecideEmptiedRemote(why) == ConflictSide.Local)
                plan = SyncPlanner.KeepLocal(inputs) with { Warnings = plan.Warnings };
            if (plan.HasUndecidedConflicts)
            {
                var decided = decisions.DecideConflicts(plan.Conflicts);
                plan = plan.Resolve(c => decided[c]);
            }

            try
            {
                plan = await writer.CarryOutAsync(target, inputs, plan, cancellationToken).ConfigureAwait(false);
                return SyncReport.Of(plan, attempt, dryRun);
            }
            catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
            {
                // Another device wrote since the read: read, plan and decide again.
            }
        }

        throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
            $"the remote document at {target.RemoteName} kept changing while syncing ({MaxAttempts} attempts); nothing was overwritten — run start-claude s3-sync again");
    }
}
