using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

/// <summary>What a command asks the planner for. Closed: every kind is listed here and nowhere else.</summary>
public abstract record SyncRequest
{
    private SyncRequest()
    {
    }

    /// <summary>One function per kind: a new kind is a build error wherever a request is handled.</summary>
    public abstract T Match<T>(Func<TwoWay, T> twoWay, Func<Join, T> join, Func<Upload, T> upload, Func<Download, T> download, Func<Restore, T> restore);

    /// <summary><c>s3-sync</c>, <c>s3-status</c>, the sync after an edit and the check before a start.</summary>
    public sealed record TwoWay : SyncRequest
    {
        public override T Match<T>(Func<TwoWay, T> twoWay, Func<Join, T> join, Func<Upload, T> upload, Func<Download, T> download, Func<Restore, T> restore) =>
            twoWay(this);
    }

    /// <summary>Setup's remote step, with this machine's new settings in the local document.</summary>
    /// <param name="RewriteRemote">The remote document changes form (encrypted or plain): it is written even when its content stays.</param>
    public sealed record Join(bool RewriteRemote) : SyncRequest
    {
        public override T Match<T>(Func<TwoWay, T> twoWay, Func<Join, T> join, Func<Upload, T> upload, Func<Download, T> download, Func<Restore, T> restore) =>
            join(this);
    }

    /// <summary><c>s3-upload</c>: the local document replaces the remote one.</summary>
    /// <param name="Force">Replace whatever is there, unconditionally (<c>--force</c>).</param>
    public sealed record Upload(bool Force) : SyncRequest
    {
        public override T Match<T>(Func<TwoWay, T> twoWay, Func<Join, T> join, Func<Upload, T> upload, Func<Download, T> download, Func<Restore, T> restore) =>
            upload(this);
    }

    /// <summary><c>s3-download</c>: this machine takes the remote document; the remote is never written.</summary>
    public sealed record Download(DownloadMode Mode) : SyncRequest
    {
        public override T Match<T>(Func<TwoWay, T> twoWay, Func<Join, T> join, Func<Upload, T> upload, Func<Download, T> download, Func<Restore, T> restore) =>
            download(this);
    }

    /// <summary><c>s3-restore</c>: an old version becomes the current document, here and remotely.</summary>
    /// <param name="VersionId">The version's id, as the service names it.</param>
    /// <param name="Version">The version's content, decoded.</param>
    /// <param name="RestoredAt">When: stamped into the restored document, so other devices see a new state, not a rollback.</param>
    public sealed record Restore(string VersionId, ConfigDocument Version, DateTimeOffset RestoredAt) : SyncRequest
    {
        public override T Match<T>(Func<TwoWay, T> twoWay, Func<Join, T> join, Func<Upload, T> upload, Func<Download, T> download, Func<Restore, T> restore) =>
            restore(this);
    }
}
