using StartClaude.Core.Documents;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// The one place sync decisions are made (docs/sync.md has the table). Pure: documents in, a plan out,
/// nothing read or written. Local L, remote R and base B (the last agreed document):
/// <list type="table">
/// <item>L = B, R = B: nothing to do.</item>
/// <item>L changed, R = B: upload. L = B, R changed: download.</item>
/// <item>Both changed: merge per config and settings key against B; what changed differently on both sides is a conflict.</item>
/// <item>No B, no local configs: download. No remote: upload.</item>
/// <item>No B, both hold configs: the same merge against an empty base (one-sided configs kept, equal ones joined).</item>
/// </list>
/// Every input is first held to the document rules (<see cref="DocumentInvariants"/>), and so is every result.
/// </summary>
public static class SyncPlanner
{
    private const string LocalOrigin = "config.json";
    private const string RemoteOrigin = "the remote document";

    /// <summary>The two-way plan: <c>s3-sync</c>, <c>s3-status</c>, setup's remote step, the sync after an edit and the check before a start.</summary>
    public static SyncPlan Plan(SyncInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var warnings = new List<string>();
        var local = Held(inputs.Local, LocalOrigin, warnings);
        // Every comparison is between shared documents: what this machine would send, never what it keeps to itself.
        var shared = SharedDocument.FromLocal(local);
        var empty = ConfigDocument.CreateEmpty();
        if (inputs.Remote is not { } remote)
        {
            if (!shared.HasLiveConfigs && shared.SharesContentWith(empty))
                return Finish(inputs, SyncState.NoRemoteDocument, "there is nothing to sync yet: no configs here and no remote document", local, null, null, null, warnings);
            return Finish(inputs, SyncState.NoRemoteDocument, "there is no remote document yet", local,
                DocumentDifference.Between(shared, inputs.Base?.Document ?? empty), null, null, warnings);
        }

        var remoteDocument = Held(remote.Document, RemoteOrigin, warnings);
        var baseDocument = inputs.Base is { } known ? DocumentInvariants.Repair(known.Document, "the base").Document : null;
        if (shared.SharesContentWith(remoteDocument))
            return Finish(inputs, SyncState.InSync, "local and remote are the same", local, null, null, null, warnings);

        var difference = DocumentDifference.Between(shared, remoteDocument);
        if (baseDocument is null)
        {
            var (here, there) = Sides(difference);
            if (!shared.HasLiveConfigs)
                return Finish(inputs, SyncState.DifferNeverSynced, "there are no configs here, so the remote ones are taken", SharedDocument.ApplyToLocal(remoteDocument, local), here, there, difference, warnings);
            return Merge(inputs, SyncState.DifferNeverSynced, "never synced from here: merged per config (a config on one side only is kept, equal ones are joined)",
                null, local, remoteDocument, here, there, difference, warnings);
        }

        var baseHash = baseDocument.SharedContentHash();
        var localChanged = shared.SharedContentHash() != baseHash;
        var remoteChanged = remoteDocument.SharedContentHash() != baseHash;
        var localChanges = localChanged ? DocumentDifference.Between(shared, baseDocument) : null;
        var remoteChanges = remoteChanged ? DocumentDifference.Between(remoteDocument, baseDocument) : null;
        var plan = (localChanged, remoteChanged) switch
        {
            (true, false) => Finish(inputs, SyncState.LocalChanges, "only this machine changed", local, localChanges, null, difference, warnings),
            (false, true) => Finish(inputs, SyncState.RemoteChanges, "only the remote document changed", SharedDocument.ApplyToLocal(remoteDocument, local), null, remoteChanges, difference, warnings),
            (true, true) => Merge(inputs, SyncState.BothChanged, "both sides changed", baseDocument, local, remoteDocument, localChanges, remoteChanges, difference, warnings),
            _ => Finish(inputs, SyncState.InSync, "local and remote are the same", local, null, null, null, warnings),
        };
        return remoteChanged ? plan with { EmptiedRemote = Emptied(baseDocument, shared, remote.Document, remoteDocument) } : plan;
    }

    /// <summary>
    /// The plan when the person keeps this machine's configs against an emptied remote: upload them,
    /// conditional on the remote just read.
    /// </summary>
    public static SyncPlan KeepLocal(SyncInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var warnings = new List<string>();
        var local = Held(inputs.Local, LocalOrigin, warnings);
        return Finish(inputs, SyncState.BothChanged, "kept this machine's configs; the emptied remote document is replaced", local, null, null, null, warnings);
    }

    /// <summary><c>s3-upload</c>: the local document replaces the remote one.</summary>
    /// <param name="inputs">The remote is read only to check an empty local list (the mirror case); else null.</param>
    /// <param name="force">Replace whatever is there, unconditionally.</param>
    public static SyncPlan PlanUpload(SyncInputs inputs, bool force)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var warnings = new List<string>();
        var local = Held(inputs.Local, LocalOrigin, warnings);
        WriteCondition condition = force ? new WriteCondition.Unconditional()
            : inputs.Remote is { } read ? WriteCondition.From(read.Info)
            : inputs.Base?.ETag is { } etag ? new WriteCondition.MustMatch(etag)
            : new WriteCondition.MustNotExist();
        var plan = new SyncPlan(SyncState.LocalChanges, SyncOutcome.Uploaded, "uploaded as asked", local, SharedDocument.FromLocal(local),
            null, null, null, [], condition, inputs.ConditionalWrites || force, warnings)
        {
            WritesLocal = !local.CanonicalJson().Equals(inputs.Local.CanonicalJson(), StringComparison.Ordinal),
        };
        if (!force && !SharedDocument.FromLocal(local).HasLiveConfigs && inputs.Remote?.Document.LiveConfigs.Count is > 0 and var count)
            plan = plan with { Refused = $"there are no configs here; uploading would delete the {count} config{(count == 1 ? "" : "s")} in the remote document. Pass --force to do it anyway, or run start-claude s3-download" };
        return plan;
    }

    /// <summary><c>s3-download</c>: this machine takes the remote document (one way: the remote is never written).</summary>
    public static SyncPlan PlanDownload(SyncInputs inputs, DownloadMode mode)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var remote = inputs.Remote ?? throw new ArgumentException("a download needs the remote document", nameof(inputs));
        var warnings = new List<string>();
        var local = Held(inputs.Local, LocalOrigin, warnings);
        var shared = SharedDocument.FromLocal(local);
        var remoteDocument = Held(remote.Document, RemoteOrigin, warnings);
        var two = Plan(inputs);
        var difference = DocumentDifference.Between(shared, remoteDocument);
        SyncPlan Local(SyncState state, string reason, ConfigDocument result, DocumentDifference? remoteChanges) =>
            new(state, result.SharesContentWith(local) ? SyncOutcome.NothingToDo : SyncOutcome.Downloaded, reason, result, remoteDocument,
                null, remoteChanges, difference, [], null, inputs.ConditionalWrites, warnings)
            {
                WritesLocal = !result.CanonicalJson().Equals(inputs.Local.CanonicalJson(), StringComparison.Ordinal),
            };

        if (two.State == SyncState.InSync)
            return Local(SyncState.InSync, "already up to date", local, null);
        var taken = SharedDocument.ApplyToLocal(remoteDocument, local);
        if (mode == DownloadMode.Replace)
            return Local(two.State, "replaced the local configs with the remote ones", taken, two.RemoteChanges);
        var nothingChangedHere = two.State == SyncState.RemoteChanges || !shared.HasLiveConfigs;
        if (mode == DownloadMode.Plain && nothingChangedHere)
            return Local(two.State, "nothing changed here since the last sync, so the remote document was taken", taken, two.RemoteChanges) with { EmptiedRemote = two.EmptiedRemote };
        if (mode == DownloadMode.Plain)
            return Local(two.State, "local configs changed too", local, two.RemoteChanges) with { NeedsDownloadChoice = "there are local configs that differ from the remote ones" };

        // --merge: the same merge as s3-sync, the remote deciding conflicts, written here only. The
        // remote document becomes the base, so the next s3-sync uploads what only this machine has.
        var merged = SharedDocument.ApplyToLocal(ThreeWayMerge.Merge(inputs.Base?.Document, shared, remoteDocument).Resolve(_ => ConflictSide.Remote), local);
        var held = Held(merged, "the merge", warnings);
        return Local(two.State, "merged: configs here are kept, the remote wins where both changed", held, two.RemoteChanges) with
        {
            Outcome = held.SharesContentWith(local) ? SyncOutcome.NothingToDo : SyncOutcome.Merged,
        };
    }

    private static ConfigDocument Held(ConfigDocument document, string origin, List<string> warnings)
    {
        var repair = DocumentInvariants.Repair(document, origin);
        if (repair.Warning is { } warning)
            warnings.Add(warning);
        return repair.Document;
    }

    // With no base, each side's changes are what it holds that the other does not (or holds otherwise).
    private static (DocumentDifference Here, DocumentDifference There) Sides(DocumentDifference d) =>
        (new DocumentDifference(d.OnlyLocal, [], d.Changed, d.OtherContentDiffers),
         new DocumentDifference(d.OnlyRemote, [], [.. d.Changed.Select(c => (c.Remote, c.Local))], d.OtherContentDiffers));

    private static string? Emptied(ConfigDocument baseDocument, ConfigDocument local, ConfigDocument rawRemote, ConfigDocument remote)
    {
        if (!local.HasLiveConfigs)
            return null;
        if (!rawRemote.HasConfigList)
            return "the remote document is not a config document (it has no \"configs\" list)";
        var count = baseDocument.LiveConfigs.Count;
        return count > 0 && !remote.HasLiveConfigs
            ? $"the remote document holds no configs any more: another device deleted all {count} agreed at the last sync"
            : null;
    }

    private static SyncPlan Merge(SyncInputs inputs, SyncState state, string reason, ConfigDocument? baseDocument, ConfigDocument local, ConfigDocument remote,
        DocumentDifference? localChanges, DocumentDifference? remoteChanges, DocumentDifference? difference, List<string> warnings)
    {
        var merge = ThreeWayMerge.Merge(baseDocument, SharedDocument.FromLocal(local), remote);
        if (!merge.HasConflicts)
            return Finish(inputs, state, reason, SharedDocument.ApplyToLocal(merge.Merged, local), localChanges, remoteChanges, difference, warnings);

        // Undecided: reported as a merge that writes both sides, resolved once someone decides.
        return new SyncPlan(state, SyncOutcome.Merged, reason, local, null, localChanges, remoteChanges, difference, merge.Conflicts,
            Condition(inputs), inputs.ConditionalWrites, warnings)
        {
            WritesLocal = true,
            Resolver = decide =>
            {
                var resolved = SharedDocument.ApplyToLocal(merge.Resolve(decide), local);
                return Finish(inputs, state, reason, resolved, localChanges, remoteChanges, difference, [.. warnings]) with { Conflicts = merge.Conflicts };
            },
        };
    }

    /// <summary>Holds the result to the rules and derives what must be written where from what each side holds now.</summary>
    private static SyncPlan Finish(SyncInputs inputs, SyncState state, string reason, ConfigDocument result,
        DocumentDifference? localChanges, DocumentDifference? remoteChanges, DocumentDifference? difference, List<string> warnings)
    {
        result = Held(result, "the merged document", warnings);
        var shared = SharedDocument.FromLocal(result);
        var writesRemote = inputs.Remote is { } remote
            ? !shared.SharesContentWith(remote.Document)
            : result.HasLiveConfigs || !shared.SharesContentWith(ConfigDocument.CreateEmpty());
        var writesLocal = !result.CanonicalJson().Equals(inputs.Local.CanonicalJson(), StringComparison.Ordinal);
        var outcome = (writesRemote, writesLocal) switch
        {
            (true, true) => SyncOutcome.Merged,
            (true, false) => SyncOutcome.Uploaded,
            (false, true) => SyncOutcome.Downloaded,
            _ => SyncOutcome.NothingToDo,
        };
        if (state == SyncState.InSync && writesRemote)
            reason = "the remote document broke the document rules; the repaired document replaces it";
        return new SyncPlan(state, outcome, reason, result, shared, localChanges, remoteChanges, difference, [],
            writesRemote ? Condition(inputs) : null, inputs.ConditionalWrites, warnings)
        {
            WritesLocal = writesLocal,
        };
    }

    private static WriteCondition Condition(SyncInputs inputs) => inputs.Remote switch
    {
        null => new WriteCondition.MustNotExist(),
        { ETag: { } etag } => new WriteCondition.MustMatch(etag),
        _ => new WriteCondition.Unconditional(),
    };
}
