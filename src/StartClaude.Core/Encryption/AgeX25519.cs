using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace StartClaude.Core.Encryption;

/// <summary>
/// age's X25519 recipient: the file key wrapped with ChaCha20-Poly1305 (zero nonce) under
/// HKDF-SHA-256(X25519(ephemeral, recipient), salt = share || recipient, info = the label).
/// </summary>
internal static class AgeX25519
{
    public const string StanzaType = "X25519";
    public const string Label = "age-encryption.org/v1/X25519";
    public const int KeyLength = 32;
    private const int WrappedKeyLength = 32;

    public static AgeStanza Wrap(ReadOnlySpan<byte> fileKey, byte[] recipient)
    {
        var (share, shared) = Agree(recipient);
        var body = Seal(WrapKey(shared, share, recipient, Label), fileKey);
        return new AgeStanza(StanzaType, [AgeBase64.Encode(share)], body);
    }

    /// <summary>
    /// The file key from the first X25519 stanza <paramref name="secret"/> opens. Every X25519 stanza
    /// is checked for shape first, then each costs one X25519 at most; other types are skipped.
    /// </summary>
    public static byte[] Unwrap(IReadOnlyList<AgeStanza> stanzas, byte[] secret)
    {
        if (stanzas.Any(s => s.Type == AgeScrypt.StanzaType))
        {
            if (stanzas.Count != 1)
                throw Malformed("a passphrase stanza must be the only one");
            throw new AgeException(AgeFailure.NoMatch, "the file is encrypted with a passphrase, not to a key: open it with the passphrase");
        }
        var shares = new List<(byte[] Share, byte[] Body)>();
        foreach (var stanza in stanzas.Where(s => s.Type == StanzaType))
        {
            if (stanza.Arguments.Count != 1)
                throw Malformed("an X25519 stanza takes exactly one argument");
            var share = AgeBase64.Decode(stanza.Arguments[0]);
            if (share is not { Length: KeyLength })
                throw Malformed("an X25519 stanza's share is not 32 bytes of canonical base64");
            if (stanza.Body.Length != WrappedKeyLength)
                throw Malformed("an X25519 stanza's wrapped file key is not 16 bytes");
            shares.Add((share, stanza.Body));
        }
        var recipient = PublicKey(secret);
        foreach (var (share, body) in shares)
        {
            var shared = new byte[KeyLength];
            if (!X25519.CalculateAgreement(secret, 0, share, 0, shared, 0))
                throw Malformed("an X25519 stanza's share is a low-order point (the shared secret would be all zeros)");
            var fileKey = Open(WrapKey(shared, share, recipient, Label), body);
            if (fileKey is not null)
                return fileKey;
        }
        throw new AgeException(AgeFailure.NoMatch, "this machine's identity does not open the file: it is not one of its recipients");
    }

    public static byte[] PublicKey(byte[] secret)
    {
        var publicKey = new byte[KeyLength];
        X25519.ScalarMultBase(secret, 0, publicKey, 0);
        return publicKey;
    }

    /// <summary>A fresh ephemeral share and its shared secret with <paramref name="publicKey"/>.</summary>
    public static (byte[] Share, byte[] Shared) Agree(byte[] publicKey)
    {
        var ephemeral = RandomNumberGenerator.GetBytes(KeyLength);
        try
        {
            var shared = new byte[KeyLength];
            if (!X25519.CalculateAgreement(ephemeral, 0, publicKey, 0, shared, 0))
                throw new ArgumentException("the recipient is a low-order point: nothing encrypted to it would be secret");
            return (PublicKey(ephemeral), shared);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
        }
    }

    /// <summary>Whether <paramref name="publicKey"/> is a low-order point, with which every shared secret is zero.</summary>
    public static bool IsLowOrder(byte[] publicKey)
    {
        // Clamped scalars are multiples of 8, so one fixed scalar finds every point of order dividing 8.
        var scalar = new byte[KeyLength];
        scalar[0] = 8;
        return !X25519.CalculateAgreement(scalar, 0, publicKey, 0, new byte[KeyLength], 0);
    }

    public static byte[] WrapKey(byte[] shared, byte[] share, byte[] recipient, string label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, salt: [.. share, .. recipient], info: Encoding.ASCII.GetBytes(label));

    public static byte[] Seal(byte[] wrapKey, ReadOnlySpan<byte> fileKey)
    {
        var body = new byte[fileKey.Length + 16];
        using var aead = new ChaCha20Poly1305(wrapKey);
        aead.Encrypt(new byte[12], fileKey, body.AsSpan(0, fileKey.Length), body.AsSpan(fileKey.Length));
        return body;
    }

    private static byte[]? Open(byte[] wrapKey, byte[] body)
    {
        var fileKey = new byte[16];
        try
        {
            using var aead = new ChaCha20Poly1305(wrapKey);
            aead.Decrypt(new byte[12], body.AsSpan(0, 16), body.AsSpan(16), fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static AgeException Malformed(string why) => new(AgeFailure.Header, $"the age header is malformed: {why}");
}
