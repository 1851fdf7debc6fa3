using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>The remote document as last seen, and whether seeing it took a download.</summary>
public sealed record RemoteSnapshot(ConfigDocument Document, string? ETag, RemoteObjectInfo Info, bool Downloaded)
{
    /// <summary>
    /// Reads the remote document, or null when there is none. Where the ETag still equals the base's,
    /// the base is the remote document and nothing is downloaded (or decrypted: a fresh nonce on each
    /// upload changes the bytes, never the ETag of an unchanged object).
    /// </summary>
    public static async Task<RemoteSnapshot?> ReadAsync(RemoteDocumentStore remote, DocumentCodec codec, SyncBase? syncBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(codec);
        if (syncBase?.ETag is { } knownETag)
        {
            var info = await remote.StatAsync(cancellationToken).ConfigureAwait(false);
            if (info is null)
                return null;
            if (info.ETag == knownETag)
                return new RemoteSnapshot(syncBase.Document, knownETag, info, Downloaded: false);
        }
        var read = await remote.ReadAsync(cancellationToken).ConfigureAwait(false);
        return read is null ? null : new RemoteSnapshot(codec.Decode(read), read.Info.ETag, read.Info, Downloaded: true);
    }
}
