using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>The answers a sync may need from the person (or from <c>--prefer</c>).</summary>
public interface ISyncDecisions
{
    /// <summary>
    /// Decides every conflict of a three-way merge, or throws <see cref="SyncConflictException"/>
    /// (or <see cref="CancelledByUserException"/>) when they cannot be decided.
    /// </summary>
    IReadOnlyDictionary<MergeConflict, ConflictSide> DecideConflicts(IReadOnlyList<MergeConflict> conflicts);

    /// <summary>With no agreed base, both sides hold configs and differ: which whole document wins.</summary>
    ConflictSide DecideWholeDocument(DocumentDifference difference);
}

public enum SyncOutcome
{
    NothingToDo,
    Uploaded,
    Downloaded,
    Merged,
}

/// <summary>What a sync did (or, for a dry run, would do).</summary>
public sealed record SyncReport(
    SyncOutcome Outcome,
    string Reason,
    DocumentDifference? LocalChanges,
    DocumentDifference? RemoteChanges,
    IReadOnlyList<MergeConflict> Conflicts,
    int Retries,
    bool DryRun,
    bool ConditionalWrites);

/// <summary>
/// Two-way sync by content against the last agreed base (three-way). Every upload is conditional on
/// the ETag the decision was based on (If-Match, or If-None-Match: * when creating); a refused write
/// (412), or a changed ETag seen just before writing where the service ignores conditions, makes it
/// read, merge and try again, a bounded number of times. A merge is written remote first, then local,
/// and the base only after both: a refused or interrupted write leaves the old base in place, so the
/// next attempt merges the same local changes again and nothing is lost or falsely conflicting.
/// </summary>
public sealed class SyncEngine(LocalConfigStore localStore, SyncStateStore stateStore)
{
    public const int MaxAttempts = 10;

    public async Task<SyncReport> SyncAsync(SyncTarget target, ISyncDecisions decisions, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(decisions);
        // Learned only when about to write, so a sync that writes nothing leaves no trace anywhere.
        var conditional = stateStore.ReadConditionalWrites(target.Settings) ?? true;

        // Once this sync has seen no remote document, "nothing" is a state both sides agreed on: a
        // document another device creates meanwhile is merged against an empty base, not a conflict.
        var sawNoRemote = false;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
                // Full jitter, growing: devices that collided spread out instead of colliding again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40 << Math.Min(attempt, 5))), cancellationToken).ConfigureAwait(false);
            var local = attempt == 0 ? target.Local : localStore.Read() ?? target.Local;
            var syncBase = stateStore.ReadBase(target.Settings) ?? (sawNoRemote ? SyncBase.Empty : null);
            var remote = await RemoteSnapshot.ReadAsync(target.Remote, target.Codec, syncBase, cancellationToken).ConfigureAwait(false);
            sawNoRemote |= remote is null;
            var step = Plan(local, remote, syncBase, decisions, dryRun);

            if (dryRun || step.Outcome == SyncOutcome.NothingToDo)
            {
                if (!dryRun && remote is not null && (syncBase?.ETag != remote.ETag || syncBase?.Hash != remote.Document.SharedContentHash()))
                    stateStore.SaveBase(target.Settings, remote.Document, remote.Info);
                return step.Report(attempt, dryRun, conditional);
            }

            if (step.Outcome == SyncOutcome.Downloaded)
            {
                localStore.Write(step.Result);
                stateStore.SaveBase(target.Settings, step.Result, remote!.Info);
                return step.Report(attempt, dryRun, conditional);
            }

            conditional = await ConditionalWritesAsync(target, cancellationToken).ConfigureAwait(false);
            var condition = remote is null ? (WriteCondition)new WriteCondition.MustNotExist() : remote.ETag is { } etag ? new WriteCondition.MustMatch(etag) : new WriteCondition.Unconditional();
            var written = await TryWriteAsync(target, step.Result, condition, conditional, cancellationToken).ConfigureAwait(false);
            if (written.Succeeded)
            {
                // Remote first, then local, then the base: until the base moves, the next sync
                // merges again against the old one, which converges whatever was interrupted.
                if (step.Result.CanonicalJson() != local.CanonicalJson())
                    localStore.Write(step.Result);
                stateStore.SaveBase(target.Settings, step.Result, written.Written);
                return step.Report(attempt, dryRun, conditional);
            }
        }

        throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
            $"the remote document at {target.RemoteName} kept changing while syncing ({MaxAttempts} attempts); nothing was overwritten — run start-claude s3-sync again");
    }

    /// <summary>Whether the service honours conditional writes; learned once per remote and remembered.</summary>
    public async Task<bool> ConditionalWritesAsync(SyncTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (stateStore.ReadConditionalWrites(target.Settings) is { } known)
            return known;
        var supported = await target.Remote.SupportsConditionalWritesAsync(cancellationToken).ConfigureAwait(false);
        stateStore.SaveConditionalWrites(target.Settings, supported);
        return supported;
    }

    private sealed record Step(SyncOutcome Outcome, string Reason, ConfigDocument Result, DocumentDifference? LocalChanges, DocumentDifference? RemoteChanges, IReadOnlyList<MergeConflict> Conflicts)
    {
        public SyncReport Report(int retries, bool dryRun, bool conditional) =>
            new(Outcome, Reason, LocalChanges, RemoteChanges, Conflicts, retries, dryRun, conditional);
    }

    private static Step Plan(ConfigDocument local, RemoteSnapshot? remote, SyncBase? syncBase, ISyncDecisions decisions, bool dryRun)
    {
        if (remote is null)
        {
            var empty = ConfigDocument.CreateEmpty();
            return local.HasLiveConfigs || !local.SharesContentWith(empty)
                ? new Step(SyncOutcome.Uploaded, "there is no remote document yet", local, DocumentDifference.Between(local, empty), null, [])
                : new Step(SyncOutcome.NothingToDo, "there is nothing to sync yet: no configs here and no remote document", local, null, null, []);
        }

        var remoteDocument = remote.Document;
        if (local.SharesContentWith(remoteDocument))
            return new Step(SyncOutcome.NothingToDo, "local and remote are the same", local, null, null, []);

        if (syncBase is null)
            return PlanWithoutBase(local, remoteDocument, decisions, dryRun);

        var localChanges = DocumentDifference.Between(local, syncBase.Document);
        var remoteChanges = DocumentDifference.Between(remoteDocument, syncBase.Document);
        var localChanged = local.SharedContentHash() != syncBase.Hash;
        var remoteChanged = remoteDocument.SharedContentHash() != syncBase.Hash;
        if (!remoteChanged)
            return new Step(SyncOutcome.Uploaded, "only this machine changed", local, localChanges, null, []);
        if (!localChanged)
            return new Step(SyncOutcome.Downloaded, "only the remote document changed", remoteDocument.WithSyncSettingsOf(local), null, remoteChanges, []);

        var merge = ThreeWayMerge.Merge(syncBase.Document, local, remoteDocument);
        if (dryRun)
            return new Step(SyncOutcome.Merged, "both sides changed", local, localChanges, remoteChanges, merge.Conflicts);
        var decided = merge.HasConflicts ? decisions.DecideConflicts(merge.Conflicts) : new Dictionary<MergeConflict, ConflictSide>();
        var merged = merge.Resolve(c => decided[c]);
        return merged.SharesContentWith(remoteDocument)
            ? new Step(SyncOutcome.Downloaded, "both sides changed; the merge equals the remote document", merged, localChanges, remoteChanges, merge.Conflicts)
            : new Step(SyncOutcome.Merged, "both sides changed", merged, localChanges, remoteChanges, merge.Conflicts);
    }

    private static Step PlanWithoutBase(ConfigDocument local, ConfigDocument remote, ISyncDecisions decisions, bool dryRun)
    {
        var difference = DocumentDifference.Between(local, remote);
        if (!local.HasLiveConfigs)
            return new Step(SyncOutcome.Downloaded, "there are no configs here, so the remote ones are taken", remote.WithSyncSettingsOf(local), null, difference, []);
        if (!remote.HasLiveConfigs)
            return new Step(SyncOutcome.Uploaded, "the remote document holds no configs", local, difference, null, []);
        if (dryRun)
            return new Step(SyncOutcome.Merged, "both sides hold configs that differ and have never been synced from here", local, difference, null, []);
        return decisions.DecideWholeDocument(difference) == ConflictSide.Local
            ? new Step(SyncOutcome.Uploaded, "chosen: local wins", local, difference, null, [])
            : new Step(SyncOutcome.Downloaded, "chosen: remote wins", remote.WithSyncSettingsOf(local), null, difference, []);
    }

    /// <param name="Written">The object as written (null when the write was refused).</param>
    private readonly record struct WriteResult(bool Succeeded, RemoteObjectInfo? Written);

    // A refused write (412, or a moved ETag where the service ignores conditions) sends the sync round again.
    private static async Task<WriteResult> TryWriteAsync(SyncTarget target, ConfigDocument document, WriteCondition condition, bool conditional, CancellationToken cancellationToken)
    {
        var body = target.Codec.Encode(document);
        try
        {
            var etag = await target.Remote.WriteAsync(body, condition, conditional, cancellationToken, WriterLabel.For(document)).ConfigureAwait(false);
            return new WriteResult(true, new RemoteObjectInfo(body.Length, DateTimeOffset.UtcNow, etag));
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            return new WriteResult(false, null);
        }
    }
}
