using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// The remote document as the engine sees it: one conditional read, one conditional write, and whether
/// the service honours conditions. <see cref="RemoteDocumentStore"/> is the bucket; tests use an in-memory twin.
/// </summary>
public interface IRemoteDocument
{
    /// <summary>The document, or <see cref="RemoteRead.Unchanged"/> when it still has <paramref name="knownETag"/>.</summary>
    Task<RemoteRead> ReadIfChangedAsync(string? knownETag, CancellationToken cancellationToken = default);

    /// <summary>Writes under <paramref name="condition"/>; where conditions are not honoured, the ETag is checked just before.</summary>
    /// <returns>The new ETag, where the service said it.</returns>
    /// <exception cref="RemoteStoreException">With <see cref="RemoteFailureKind.PreconditionFailed"/> when the document changed.</exception>
    Task<string?> WriteAsync(ReadOnlyMemory<byte> content, WriteCondition condition, bool honoursConditions, CancellationToken cancellationToken = default, WriterLabel? writer = null);

    /// <summary>Whether the service honours conditional writes; only a definite answer returns (anything else throws).</summary>
    Task<bool> SupportsConditionalWritesAsync(CancellationToken cancellationToken = default);
}
