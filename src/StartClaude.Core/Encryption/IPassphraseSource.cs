namespace StartClaude.Core.Encryption;

/// <summary>Where the passphrase of an encrypted remote document comes from (environment, memory, a prompt).</summary>
public interface IPassphraseSource
{
    /// <param name="remoteName">The document it opens, for the question.</param>
    /// <param name="remembered">The passphrase this machine remembers for it, if the person chose that.</param>
    /// <param name="isNew">A new passphrase: asked twice, so a typo does not lock the configs away.</param>
    /// <exception cref="Errors.UsageException">There is no passphrase and no terminal to ask.</exception>
    string Get(string remoteName, string? remembered, bool isNew);
}
