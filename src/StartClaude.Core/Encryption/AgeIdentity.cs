using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StartClaude.Core.Encryption;

/// <summary>
/// An age X25519 secret key: a machine's identity. It opens files encrypted to its
/// <see cref="Recipient"/> and signs with XEdDSA so that the recipient alone verifies.
/// Nothing it prints or throws holds the secret.
/// </summary>
public sealed class AgeIdentity
{
    internal const string Hrp = "AGE-SECRET-KEY-";
    private readonly byte[] _secret;

    private AgeIdentity(byte[] secret)
    {
        _secret = secret;
        Recipient = AgeRecipient.FromX25519(AgeX25519.PublicKey(secret));
    }

    public AgeRecipient Recipient { get; }

    public static AgeIdentity Generate() => new(RandomNumberGenerator.GetBytes(AgeX25519.KeyLength));

    /// <exception cref="FormatException">Not an <c>AGE-SECRET-KEY-1…</c> key; the message never shows the text.</exception>
    public static AgeIdentity Parse(string secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        if (secretKey.StartsWith("age-secret-key-", StringComparison.Ordinal) && !secretKey.Any(char.IsAsciiLetterUpper))
            throw Invalid("an age secret key is written in upper case");
        var secret = AgeBech32.Decode(secretKey, Hrp, out var error);
        if (error is not null)
            throw Invalid(error);
        if (secret.Length != AgeX25519.KeyLength)
            throw Invalid($"its key is {secret.Length} bytes, not 32");
        return new AgeIdentity(secret);
    }

    /// <summary>Reads an identity file as age-keygen writes it: '#' comments, blank lines and exactly one key line.</summary>
    /// <exception cref="FormatException">No key line, more than one, or a malformed key.</exception>
    public static AgeIdentity ReadFile(string fileText)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        var keys = fileText.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .ToList();
        return keys.Count switch
        {
            0 => throw new FormatException("the identity file holds no AGE-SECRET-KEY-1… line"),
            1 => Parse(keys[0].Trim()),
            _ => throw new FormatException($"the identity file holds {keys.Count} key lines; start-claude expects exactly one"),
        };
    }

    /// <summary>The file age-keygen would write: two comment lines (creation time in UTC, public key) and the key.</summary>
    public string ToFileText(DateTimeOffset created) =>
        "# created: " + created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\n"
        + "# public key: " + Recipient.Text + "\n"
        + AgeBech32.Encode(Hrp, _secret) + "\n";

    /// <summary>An XEdDSA signature (64 bytes) that <see cref="AgeRecipient.Verify"/> on <see cref="Recipient"/> accepts.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Sign(message, RandomNumberGenerator.GetBytes(64));

    internal byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> random64)
    {
        var scalar = ClampedScalar();
        try
        {
            return XEdDsa.Sign(scalar, message, random64);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    internal byte[] Unwrap(IReadOnlyList<AgeStanza> stanzas) => AgeX25519.Unwrap(stanzas, _secret);

    public override string ToString() => "age identity " + Recipient.Text;

    // X25519's clamping (RFC 7748): the scalar both key agreement and XEdDSA use.
    private byte[] ClampedScalar()
    {
        var scalar = (byte[])_secret.Clone();
        scalar[0] &= 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        return scalar;
    }

    private static FormatException Invalid(string why) => new($"not a valid age secret key (AGE-SECRET-KEY-1…): {why}");
}
