using StartClaude.Core.Documents;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// What the planner decided: where the two sides stand, what to write where, and why. Commands read
/// it and carry it out (through <see cref="SyncWriter"/>); none decides anything on its own.
/// </summary>
/// <param name="State">Which side changed since the base.</param>
/// <param name="Outcome">What carrying the plan out writes.</param>
/// <param name="Reason">Why, in words for the person.</param>
/// <param name="Result">The local document after the plan (this machine's s3Sync kept).</param>
/// <param name="Agreed">The shared document both sides hold after the plan: the next base (null when the plan leaves them apart).</param>
/// <param name="LocalChanges">What changed on this machine (since the base; with no base, what differs from the remote here).</param>
/// <param name="RemoteChanges">What changed on the remote, described on that side.</param>
/// <param name="Difference">Local against remote, config by config (for a never-synced pair).</param>
/// <param name="Conflicts">Configs and settings changed differently on both sides; undecided until <see cref="Resolve"/>.</param>
/// <param name="Condition">The condition of the remote write, or null when the remote is not written.</param>
/// <param name="ConditionalWrites">Whether the service honours conditions (else the writer checks the ETag just before writing).</param>
/// <param name="Warnings">Repairs and other things the person should know, one line each.</param>
public sealed record SyncPlan(
    SyncState State,
    SyncOutcome Outcome,
    string Reason,
    ConfigDocument Result,
    ConfigDocument? Agreed,
    DocumentDifference? LocalChanges,
    DocumentDifference? RemoteChanges,
    DocumentDifference? Difference,
    IReadOnlyList<MergeConflict> Conflicts,
    WriteCondition? Condition,
    bool ConditionalWrites,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Set when carrying the plan out would apply a remote that deleted every config the base had, or
    /// that is not a config document: why. Such a plan needs a yes (<c>--prefer remote</c>, <c>s3-download -f</c>).
    /// </summary>
    public string? EmptiedRemote { get; init; }

    /// <summary>Set when <c>s3-download</c> without a flag needs the person to choose merge or replace: why.</summary>
    public string? NeedsDownloadChoice { get; init; }

    /// <summary>Set when <c>s3-upload</c> refuses without <c>--force</c>: why.</summary>
    public string? Refused { get; init; }

    internal Func<Func<MergeConflict, ConflictSide>, SyncPlan>? Resolver { get; init; }

    /// <summary>Whether the remote document is written.</summary>
    public bool WritesRemote => Condition is not null;

    /// <summary>Whether config.json is written.</summary>
    public bool WritesLocal { get; init; }

    public bool HasUndecidedConflicts => Conflicts.Count > 0 && Resolver is not null;

    /// <summary>The plan once every conflict is decided.</summary>
    public SyncPlan Resolve(Func<MergeConflict, ConflictSide> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return Resolver is null ? this : Resolver(decide);
    }
}
