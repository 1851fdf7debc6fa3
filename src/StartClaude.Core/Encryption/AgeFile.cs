using System.Security.Cryptography;
using System.Text;

namespace StartClaude.Core.Encryption;

/// <summary>
/// Encrypts and decrypts whole files in the age v1 format (age-encryption.org/v1) with a passphrase,
/// so that the standard <c>age -d</c> opens what this writes and this opens what <c>age -p</c> wrote.
/// </summary>
public static class AgeFile
{
    /// <summary>age's own default work factor for passphrases (2^18, about a second).</summary>
    public const int DefaultWorkFactor = 18;

    /// <summary>
    /// The most recipients a file is written to, and the most stanzas of any type a header may hold
    /// when read: work on a hostile header stays bounded (docs/encryption.md).
    /// </summary>
    public const int MaxRecipients = 1000;

    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, string passphrase, int workFactor = DefaultWorkFactor)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var header = AgeHeader.Write([AgeScrypt.Wrap(fileKey, passphrase, workFactor)], input => HeaderMac(fileKey, input));
        var nonce = RandomNumberGenerator.GetBytes(16);
        return [.. header, .. nonce, .. AgeStream.Encrypt(PayloadKey(fileKey, nonce), plaintext)];
    }

    /// <summary>Encrypts to every recipient; any one of their identities opens the file (stock <c>age -d -i</c> too).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, IReadOnlyCollection<AgeRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
            throw new ArgumentException("an age file needs at least one recipient", nameof(recipients));
        if (recipients.Count > MaxRecipients)
            throw new ArgumentException($"an age file is written to at most {MaxRecipients} recipients, not {recipients.Count}", nameof(recipients));
        if (recipients.Any(r => r is null))
            throw new ArgumentException("a recipient is null", nameof(recipients));
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var stanzas = new List<AgeStanza>();
        foreach (var recipient in recipients.Distinct())
            stanzas.Add(recipient.Wrap(fileKey));
        var header = AgeHeader.Write(stanzas, input => HeaderMac(fileKey, input));
        var nonce = RandomNumberGenerator.GetBytes(16);
        return [.. header, .. nonce, .. AgeStream.Encrypt(PayloadKey(fileKey, nonce), plaintext)];
    }

    /// <exception cref="AgeException">
    /// <see cref="AgeFailure.NoMatch"/> when no stanza opens with <paramref name="identity"/> (or the file is
    /// passphrase-encrypted); otherwise the file is malformed or was changed.
    /// </exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> file, AgeIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Decrypt(file, identity.Unwrap);
    }

    /// <exception cref="AgeException">The file is malformed, the passphrase is wrong, or the file was changed.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> file, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return Decrypt(file, stanzas => AgeScrypt.Unwrap(stanzas, passphrase));
    }

    /// <summary>Decrypts with a file key found by <paramref name="unwrap"/> from the header's stanzas.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> file, Func<IReadOnlyList<AgeStanza>, byte[]> unwrap)
    {
        ArgumentNullException.ThrowIfNull(unwrap);
        var header = AgeHeader.Parse(file);
        var fileKey = unwrap(header.Stanzas);
        var expected = HeaderMac(fileKey, file[..header.MacInputLength]);
        if (!CryptographicOperations.FixedTimeEquals(expected, header.Mac))
            throw new AgeException(AgeFailure.Hmac, "the age header's MAC does not match: the header was changed");
        var payload = file[header.Length..];
        if (payload.Length < 16)
            throw new AgeException(AgeFailure.Header, "the age file ends before its payload nonce");
        return AgeStream.Decrypt(PayloadKey(fileKey, payload[..16].ToArray()), payload[16..]);
    }

    private static byte[] HeaderMac(byte[] fileKey, ReadOnlySpan<byte> headerUpToMac)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, 32, salt: [], info: Encoding.ASCII.GetBytes("header"));
        return HMACSHA256.HashData(key, headerUpToMac);
    }

    private static byte[] PayloadKey(byte[] fileKey, byte[] nonce) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, 32, salt: nonce, info: Encoding.ASCII.GetBytes("payload"));
}
