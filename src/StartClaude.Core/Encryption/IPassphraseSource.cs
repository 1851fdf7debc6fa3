namespace StartClaude.Core.Encryption;

/// <summary>Where the passphrase of an encrypted remote document comes from (environment, memory, a prompt).</summary>
public interface IPassphraseSource
{
    /// <param name="remoteName">The document it opens, for the question.</param>
    /// <param name="remembered">The passphrase this machine remembers for it, if the person chose that.</param>
    /// <param name="isNew">A new passphrase: asked twice, so a typo does not lock the configs away.</param>
    /// <exception cref="Errors.UsageException">There is no passphrase and no terminal to ask.</exception>
    string Get(string remoteName, string? remembered, bool isNew);

    /// <summary>
    /// Another passphrase after the one of try <paramref name="attempt"/> did not open the document, or
    /// null to give up: one from the environment or memory is not asked again, nor is anything without a terminal.
    /// </summary>
    string? AskAgain(string remoteName, string? remembered, int attempt) => null;

    /// <summary>Runs a key derivation from the passphrase (a second or more); a terminal may show that it goes on.</summary>
    byte[] WhileDeriving(Func<byte[]> derive)
    {
        ArgumentNullException.ThrowIfNull(derive);
        return derive();
    }
}
