using StartClaude.Core.Errors;

namespace StartClaude.Core.Sync;

/// <summary>The answers a sync may need from the person (or from <c>--prefer</c>).</summary>
public interface ISyncDecisions
{
    /// <summary>
    /// Decides every conflict of a merge, or throws <see cref="SyncConflictException"/>
    /// (or <see cref="CancelledByUserException"/>) when they cannot be decided.
    /// </summary>
    IReadOnlyDictionary<MergeConflict, ConflictSide> DecideConflicts(IReadOnlyList<MergeConflict> conflicts);

    /// <summary>
    /// The remote was emptied (or is not a config document): apply it here (<see cref="ConflictSide.Remote"/>)
    /// or keep this machine's configs and upload them (<see cref="ConflictSide.Local"/>); or throw
    /// <see cref="SyncConflictException"/> when nobody can say.
    /// </summary>
    ConflictSide DecideEmptiedRemote(string why);
}
