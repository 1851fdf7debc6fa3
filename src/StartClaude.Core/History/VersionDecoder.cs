using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Remote;

namespace StartClaude.Core.History;

/// <summary>
/// Opens old versions in their own form: a version written before encryption was turned on (or off)
/// is read as what it is, an encrypted one with the passphrase, asked for at most once.
/// </summary>
public sealed class VersionDecoder(DocumentCodec current, Func<string> passphrase)
{
    private readonly Lazy<DocumentCodec> _encrypted = new(() => current.Encrypts ? current : DocumentCodec.Encrypted(passphrase));

    /// <exception cref="Errors.RemoteEncryptionException">The passphrase does not open it.</exception>
    /// <exception cref="DocumentFormatException">The version is not a config document.</exception>
    public ConfigDocument Decode(RemoteObject version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (current.IsSealed)
            return current.DecodeVersion(version);
        return (DocumentCodec.IsEncrypted(version.Content) ? _encrypted.Value : DocumentCodec.Plain).Decode(version.Content);
    }
}
