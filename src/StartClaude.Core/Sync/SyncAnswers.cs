namespace StartClaude.Core.Sync;

/// <summary>
/// Everything said so far in answer to <see cref="SyncQuestion"/>s. The planner reads it; the engine adds
/// to it and asks again. Conflicts are answered by content (<see cref="MergeConflict.Key"/>), so an answer
/// stays valid across a re-plan only while the conflict is still the same.
/// </summary>
public sealed record SyncAnswers
{
    public static SyncAnswers None { get; } = new();

    public IReadOnlyDictionary<string, ConflictSide> Conflicts { get; init; } = new Dictionary<string, ConflictSide>();

    public ConflictSide? EmptiedRemote { get; init; }

    public ConflictSide? RemoteWentBack { get; init; }

    /// <summary><see cref="DownloadMode.Merge"/> or <see cref="DownloadMode.Replace"/>.</summary>
    public DownloadMode? Download { get; init; }

    public JoinMode? Join { get; init; }

    /// <summary>These answers with <paramref name="side"/> for every conflict in <paramref name="conflicts"/>.</summary>
    public SyncAnswers WithConflicts(IEnumerable<MergeConflict> conflicts, Func<MergeConflict, ConflictSide> side)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        ArgumentNullException.ThrowIfNull(side);
        var all = new Dictionary<string, ConflictSide>(Conflicts, StringComparer.Ordinal);
        foreach (var conflict in conflicts)
            all[conflict.Key] = side(conflict);
        return this with { Conflicts = all };
    }
}
