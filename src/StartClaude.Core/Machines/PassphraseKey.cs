using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Machines;

/// <summary>
/// The passphrase key's secret as stored in the bucket: its age-keygen file text, encrypted with the
/// passphrase exactly as <c>age -p</c> does (scrypt 2^18), so the passphrase alone recovers it.
/// </summary>
public static class PassphraseKey
{
    /// <summary>The file to store; <paramref name="pin"/>, for a replaced key, names the list version it was made for.</summary>
    public static byte[] Seal(AgeIdentity key, string passphrase, DateTimeOffset created, PassphraseKeyPin? pin = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = (pin is null ? "" : pin.ToLine() + "\n") + key.ToFileText(created);
        return AgeFile.Encrypt(Encoding.ASCII.GetBytes(text), passphrase, AgeWorkFactor.ForNewFiles);
    }

    /// <summary>The key in <paramref name="file"/>; a work factor above 2^18 is refused before any work.</summary>
    /// <exception cref="RemoteEncryptionException">The passphrase does not open it.</exception>
    /// <exception cref="DocumentFormatException">It is not such a file.</exception>
    public static AgeIdentity Open(byte[] file, string passphrase, string where) => OpenPinned(file, passphrase, where).Key;

    /// <summary>The key in <paramref name="file"/> and the list version it was made for (null for a key from the switch-over).</summary>
    /// <exception cref="RemoteEncryptionException">The passphrase does not open it.</exception>
    /// <exception cref="DocumentFormatException">It is not such a file.</exception>
    public static (AgeIdentity Key, PassphraseKeyPin? Pin) OpenPinned(byte[] file, string passphrase, string where)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] text;
        try
        {
            text = AgeFile.Decrypt(AgeArmor.LooksArmored(file) ? AgeArmor.Decode(file) : file, passphrase);
        }
        catch (AgeException ex) when (ex.Failure == AgeFailure.NoMatch)
        {
            throw new RemoteEncryptionException($"the passphrase does not open {where} (a mistyped passphrase, one changed since by s3-machines remove or s3-machines passphrase, or the file was replaced in the bucket); nothing was changed");
        }
        catch (AgeException ex)
        {
            // The reason without its advice, which is for a document: only a switch-over or a passphrase change writes this file, so re-uploading does not mend it.
            var reason = ex.Message.Split(" — ")[0];
            throw new DocumentFormatException($"{where} cannot be decrypted ({reason}); nothing was changed. It was damaged or replaced: put its previous version back from the bucket's history, or join by approval (start-claude s3-machines key here, then s3-machines add NAME --key KEY on a machine already in)");
        }
        try
        {
            var fileText = Encoding.ASCII.GetString(text);
            return (AgeIdentity.ReadFile(fileText), PassphraseKeyPin.Find(fileText));
        }
        catch (FormatException)
        {
            throw new DocumentFormatException($"{where} opens with the passphrase but holds no age identity; nothing was changed");
        }
    }
}
