using StartClaude.Core.Documents;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>The remote document as last seen, and whether seeing it took a download.</summary>
public sealed record RemoteSnapshot(ConfigDocument Document, string? ETag, RemoteObjectInfo Info, bool Downloaded)
{
    /// <summary>
    /// Reads the remote document, or null when there is none. Where the ETag still equals the base's,
    /// the base is the remote document and nothing is downloaded.
    /// </summary>
    public static async Task<RemoteSnapshot?> ReadAsync(RemoteDocumentStore remote, SyncBase? syncBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (syncBase?.ETag is { } knownETag)
        {
            var info = await remote.StatAsync(cancellationToken).ConfigureAwait(false);
            if (info is null)
                return null;
            if (info.ETag == knownETag)
                return new RemoteSnapshot(syncBase.Document, knownETag, info, Downloaded: false);
        }
        var read = await remote.ReadAsync(cancellationToken).ConfigureAwait(false);
        return read is null ? null : new RemoteSnapshot(DocumentTransfer.ParseRemote(read), read.Info.ETag, read.Info, Downloaded: true);
    }
}
