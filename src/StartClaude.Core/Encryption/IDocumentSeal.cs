using StartClaude.Core.Remote;

namespace StartClaude.Core.Encryption;

/// <summary>
/// A form of the remote document that needs more than its body: encrypted to keys and signed, with the
/// signature beside the ciphertext as object metadata (a team document, a personal remote on machine keys).
/// </summary>
public interface IDocumentSeal
{
    /// <summary>The body and metadata to write for <paramref name="json"/> (the shared document's UTF-8 JSON).</summary>
    EncodedDocument Seal(byte[] json);

    /// <summary>The verified JSON of <paramref name="remote"/>.</summary>
    /// <exception cref="Errors.RemoteEncryptionException">It does not open with this machine's key, or its signature or member list does not hold.</exception>
    /// <exception cref="Documents.DocumentFormatException">It is not a sealed document at all.</exception>
    byte[] Open(RemoteObject remote);

    /// <summary>
    /// The verified JSON of an older version (history, restore): signed under a member list this machine's own
    /// list went through; nothing about it is recorded as newest.
    /// </summary>
    byte[] OpenVersion(RemoteObject version);

    /// <summary>What <see cref="Seal"/> gave has been written: what it states is now the newest this machine knows.</summary>
    void Written(EncodedDocument written);
}

/// <summary>The bytes to upload and the metadata that goes on the same PUT (null: none beyond the writer's label).</summary>
public sealed record EncodedDocument(byte[] Body, IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>What the seal needs to know after the write (the serial it stated); opaque to everyone else.</summary>
    public object? State { get; init; }
}
