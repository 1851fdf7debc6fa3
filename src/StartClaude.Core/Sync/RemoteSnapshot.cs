using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>The remote document as last seen, and whether seeing it took a download.</summary>
public sealed record RemoteSnapshot(ConfigDocument Document, RemoteObjectInfo Info, bool Downloaded)
{
    public string? ETag => Info.ETag;

    /// <summary>
    /// Reads the remote document, or null when there is none. Where the ETag still equals the base's,
    /// the base is the remote document and nothing is downloaded (or decrypted: a fresh nonce on each
    /// upload changes the bytes, never the ETag of an unchanged object).
    /// </summary>
    public static async Task<RemoteSnapshot?> ReadAsync(IRemoteDocument remote, DocumentCodec codec, SyncBase? syncBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(codec);
        // One conditional GET: 304 when the ETag is still the base's, else the document itself.
        var read = await remote.ReadIfChangedAsync(syncBase?.ETag, cancellationToken).ConfigureAwait(false);
        if (read is RemoteRead.Unchanged && syncBase is null)
            throw new RemoteStoreException(RemoteFailureKind.Unexpected,
                "the service answered 304 Not Modified to a read that named no version (a proxy or cache in between?); nothing was changed");
        return read switch
        {
            // A 304 carries no size: the size kept with the base stands in for it.
            RemoteRead.Unchanged unchanged => new RemoteSnapshot(syncBase!.Document,
                (syncBase.RemoteInfo ?? unchanged.Info) with
                {
                    ETag = unchanged.Info.ETag ?? syncBase.ETag,
                    LastModified = unchanged.Info.LastModified ?? syncBase.RemoteInfo?.LastModified,
                },
                Downloaded: false),
            RemoteRead.Changed changed => new RemoteSnapshot(Decode(codec, changed.Object), changed.Object.Info, Downloaded: true),
            _ => null,
        };
    }

    // A remote that is no config document at all stops every two-way command: say the one command that replaces it.
    private static ConfigDocument Decode(DocumentCodec codec, RemoteObject remote)
    {
        try
        {
            return codec.Decode(remote);
        }
        catch (DocumentFormatException ex)
        {
            throw new DocumentFormatException($"{ex.Message}; start-claude s3-upload --force replaces it with this machine's configs (s3-history lists the versions before it)", ex);
        }
    }
}
