using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace StartClaude.Core.Encryption;

/// <summary>
/// age's passphrase recipient: the file key wrapped with ChaCha20-Poly1305 under
/// scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, N = 2^logN, r = 8, p = 1).
/// </summary>
internal static class AgeScrypt
{
    public const string StanzaType = "scrypt";

    /// <summary>
    /// The largest work factor accepted when decrypting: 2^18, what start-claude and age write. scrypt
    /// with r = 8 needs 128·8·2^N bytes, so 2^18 is 256 MiB and each step up doubles it; a file from
    /// the bucket asking for more is refused before any of that work (docs/hostile-input.md).
    /// </summary>
    public const int MaxWorkFactor = 18;

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("age-encryption.org/v1/scrypt");

    public static AgeStanza Wrap(ReadOnlySpan<byte> fileKey, string passphrase, int workFactor)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var body = new byte[fileKey.Length + 16];
        using (var aead = new ChaCha20Poly1305(Derive(passphrase, salt, workFactor)))
            aead.Encrypt(new byte[12], fileKey, body.AsSpan(0, fileKey.Length), body.AsSpan(fileKey.Length));
        return new AgeStanza(StanzaType, [AgeBase64.Encode(salt), workFactor.ToString(CultureInfo.InvariantCulture)], body);
    }

    /// <summary>The file key, from the header's one scrypt stanza.</summary>
    public static byte[] Unwrap(IReadOnlyList<AgeStanza> stanzas, string passphrase)
    {
        var scrypt = stanzas.Where(s => s.Type == StanzaType).ToList();
        if (scrypt.Count == 0)
            throw new AgeException(AgeFailure.NoMatch, "the file is not encrypted with a passphrase");
        if (stanzas.Count != 1)
            throw new AgeException(AgeFailure.Header, "the age header is malformed: a passphrase stanza must be the only one");
        var stanza = scrypt[0];
        if (stanza.Arguments.Count != 2)
            throw new AgeException(AgeFailure.Header, "the age header is malformed: a passphrase stanza takes a salt and a work factor");
        var salt = AgeBase64.Decode(stanza.Arguments[0]);
        if (salt is not { Length: 16 })
            throw new AgeException(AgeFailure.Header, "the age header is malformed: the passphrase salt is not 16 bytes");
        var workFactor = ParseWorkFactor(stanza.Arguments[1]);
        if (stanza.Body.Length != 32)
            throw new AgeException(AgeFailure.Header, "the age header is malformed: the wrapped file key is not 16 bytes");

        var fileKey = new byte[16];
        try
        {
            using var aead = new ChaCha20Poly1305(Derive(passphrase, salt, workFactor));
            aead.Decrypt(new byte[12], stanza.Body.AsSpan(0, 16), stanza.Body.AsSpan(16), fileKey);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new AgeException(AgeFailure.NoMatch, "the passphrase does not open this file");
        }
        return fileKey;
    }

    private static int ParseWorkFactor(string text)
    {
        // Decimal digits only, no sign and no leading zero: one spelling per number.
        if (text.Length is 0 or > 2 || text[0] == '0' || !text.All(char.IsAsciiDigit))
            throw new AgeException(AgeFailure.Header, "the age header is malformed: the passphrase work factor is not a plain number");
        var value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value > MaxWorkFactor)
            throw new AgeException(AgeFailure.Header, $"its passphrase work factor 2^{value} is above the 2^{MaxWorkFactor} start-claude accepts (and writes); nothing was decrypted — re-encrypt it with start-claude (s3-setup --encrypt, then s3-upload --force)");
        return value;
    }

    private static byte[] Derive(string passphrase, byte[] salt, int workFactor) =>
        SCrypt.Generate(Encoding.UTF8.GetBytes(passphrase), [.. Label, .. salt], 1 << workFactor, 8, 1, 32);
}
