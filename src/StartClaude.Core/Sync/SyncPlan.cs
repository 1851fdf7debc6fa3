using StartClaude.Core.Documents;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// What the planner decided: where the two sides stand, what to write where, and why. Only
/// <see cref="SyncPlanner"/> builds one (its members are set inside Core only); <see cref="SyncWriter"/>
/// carries it out. Nothing on it is optional to look at: a plan holds no undecided question.
/// </summary>
public sealed record SyncPlan
{
    internal SyncPlan(SyncState state, SyncOutcome outcome, string reason, ConfigDocument result)
    {
        State = state;
        Outcome = outcome;
        Reason = reason;
        Result = result;
    }

    /// <summary>Which side changed since the base.</summary>
    public SyncState State { get; internal init; }

    /// <summary>What carrying the plan out writes.</summary>
    public SyncOutcome Outcome { get; internal init; }

    /// <summary>Why, in words for the person.</summary>
    public string Reason { get; internal init; }

    /// <summary>The local document after the plan (this machine's s3Sync and local-only configs kept).</summary>
    public ConfigDocument Result { get; internal init; }

    /// <summary>The shared document written to the remote; null when the remote is not written.</summary>
    public ConfigDocument? Upload { get; internal init; }

    /// <summary>The shared document both sides hold after the plan: the next base (null when the plan leaves them apart).</summary>
    public ConfigDocument? Agreed { get; internal init; }

    /// <summary>What changed on this machine (since the base; with no base, what differs from the remote here).</summary>
    public DocumentDifference? LocalChanges { get; internal init; }

    /// <summary>What changed on the remote, described on that side.</summary>
    public DocumentDifference? RemoteChanges { get; internal init; }

    /// <summary>Local against remote, config by config.</summary>
    public DocumentDifference? Difference { get; internal init; }

    /// <summary>Configs and settings that changed differently on both sides, each with the side that won (<see cref="Decisions"/>).</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; internal init; } = [];

    /// <summary>Which side won each conflict, by <see cref="MergeConflict.Key"/>; empty in a preview.</summary>
    public IReadOnlyDictionary<string, ConflictSide> Decisions { get; internal init; } = new Dictionary<string, ConflictSide>();

    /// <summary>The condition of the remote write, or null when the remote is not written.</summary>
    public WriteCondition? Condition { get; internal init; }

    /// <summary>Whether the service honours conditions (else the writer checks the ETag just before writing).</summary>
    public bool ConditionalWrites { get; internal init; }

    /// <summary>Whether config.json is written.</summary>
    public bool WritesLocal { get; internal init; }

    /// <summary>Repairs and other things the person should know, one line each.</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>Whether the remote document is written.</summary>
    public bool WritesRemote => Condition is not null;

    /// <summary>The side that won <paramref name="conflict"/>, when it was decided.</summary>
    public ConflictSide? SideOf(MergeConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return Decisions.TryGetValue(conflict.Key, out var side) ? side : null;
    }
}
