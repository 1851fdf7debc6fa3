namespace StartClaude.Core.Sync;

/// <summary>
/// What the planner needs a person (or a flag) to say before it can plan. Closed: an answerer handles
/// each kind through <see cref="Match{T}"/>, so a new kind is a build error wherever one is answered.
/// </summary>
public abstract record SyncQuestion
{
    private SyncQuestion()
    {
    }

    public abstract T Match<T>(
        Func<Conflicts, T> conflicts,
        Func<EmptiedRemote, T> emptiedRemote,
        Func<RemoteWentBack, T> remoteWentBack,
        Func<DownloadChoice, T> downloadChoice,
        Func<JoinChoice, T> joinChoice);

    /// <summary>Configs or settings changed differently on both sides: which side wins, per item.</summary>
    public sealed record Conflicts(IReadOnlyList<MergeConflict> Items) : SyncQuestion
    {
        public override T Match<T>(Func<Conflicts, T> conflicts, Func<EmptiedRemote, T> emptiedRemote, Func<RemoteWentBack, T> remoteWentBack,
            Func<DownloadChoice, T> downloadChoice, Func<JoinChoice, T> joinChoice) => conflicts(this);
    }

    /// <summary>
    /// Applying the remote (or a version) would delete every config here, or it is not a config document:
    /// apply it (<see cref="ConflictSide.Remote"/>) or keep this machine's configs (<see cref="ConflictSide.Local"/>).
    /// </summary>
    public sealed record EmptiedRemote(string Why) : SyncQuestion
    {
        public override T Match<T>(Func<Conflicts, T> conflicts, Func<EmptiedRemote, T> emptiedRemote, Func<RemoteWentBack, T> remoteWentBack,
            Func<DownloadChoice, T> downloadChoice, Func<JoinChoice, T> joinChoice) => emptiedRemote(this);
    }

    /// <summary>
    /// The remote holds a document agreed earlier than the base: a write that did not stay (a lying cache or
    /// proxy), or a rollback. Keep this machine's (<see cref="ConflictSide.Local"/>: written again) or take it.
    /// </summary>
    public sealed record RemoteWentBack(string Why) : SyncQuestion
    {
        public override T Match<T>(Func<Conflicts, T> conflicts, Func<EmptiedRemote, T> emptiedRemote, Func<RemoteWentBack, T> remoteWentBack,
            Func<DownloadChoice, T> downloadChoice, Func<JoinChoice, T> joinChoice) => remoteWentBack(this);
    }

    /// <summary><c>s3-download</c> without a flag, and configs here changed too: merge or replace.</summary>
    public sealed record DownloadChoice(string Why, DocumentDifference? Difference) : SyncQuestion
    {
        public override T Match<T>(Func<Conflicts, T> conflicts, Func<EmptiedRemote, T> emptiedRemote, Func<RemoteWentBack, T> remoteWentBack,
            Func<DownloadChoice, T> downloadChoice, Func<JoinChoice, T> joinChoice) => downloadChoice(this);
    }

    /// <summary>Setup found configs on both sides that differ: merge, upload, download or leave both.</summary>
    /// <param name="EmptiedWhy">Set when the remote deleted every config agreed before: merging would delete them here.</param>
    public sealed record JoinChoice(DocumentDifference Difference, string? EmptiedWhy) : SyncQuestion
    {
        public override T Match<T>(Func<Conflicts, T> conflicts, Func<EmptiedRemote, T> emptiedRemote, Func<RemoteWentBack, T> remoteWentBack,
            Func<DownloadChoice, T> downloadChoice, Func<JoinChoice, T> joinChoice) => joinChoice(this);
    }
}
