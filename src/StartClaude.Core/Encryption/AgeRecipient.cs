using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Encryption;

/// <summary>
/// A public key a file can be encrypted to: an age X25519 recipient (<c>age1…</c>) or an SSH Ed25519
/// public key (<c>ssh-ed25519 AAAA…</c>). Equal when their canonical <see cref="Text"/> is.
/// </summary>
public sealed class AgeRecipient : IEquatable<AgeRecipient>
{
    internal const string X25519Kind = "X25519";
    internal const string SshEd25519Kind = "ssh-ed25519";
    internal const string Hrp = "age";

    private readonly byte[] _key;          // X25519: u; ssh-ed25519: the Montgomery u of the Edwards key
    private readonly byte[]? _sshWire;     // ssh-ed25519 only: the key in SSH wire format
    private readonly byte[]? _ed25519;     // ssh-ed25519 only: the Edwards public key

    private AgeRecipient(string text, string kind, byte[] key, byte[]? sshWire, byte[]? ed25519)
    {
        Text = text;
        Kind = kind;
        _key = key;
        _sshWire = sshWire;
        _ed25519 = ed25519;
        Fingerprint = "SHA256:" + AgeBase64.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(text)).AsSpan(0, 12));
    }

    /// <summary>Canonical form: <c>age1…</c>, or <c>ssh-ed25519 AAAA…</c> without the comment.</summary>
    public string Text { get; }

    /// <summary><c>X25519</c> or <c>ssh-ed25519</c>.</summary>
    public string Kind { get; }

    /// <summary><c>SHA256:</c> and the first 12 bytes of SHA-256(<see cref="Text"/>) in unpadded base64: 16 characters to compare by eye.</summary>
    public string Fingerprint { get; }

    internal static AgeRecipient FromX25519(byte[] publicKey) =>
        new(AgeBech32.Encode(Hrp, publicKey), X25519Kind, publicKey, null, null);

    /// <exception cref="FormatException">The text is not a recipient; the message is one line and shows the text escaped and cut short.</exception>
    public static AgeRecipient Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var recipient, out var error) ? recipient : throw new FormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AgeRecipient? recipient) =>
        TryParse(text, out recipient, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out AgeRecipient? recipient, out string error)
    {
        recipient = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Contains("SECRET-KEY-", StringComparison.OrdinalIgnoreCase))
        {
            // Never echo a secret key back, even in an error.
            error = "that holds an age secret key, not a recipient: give its public key (age-keygen -y prints it)";
            return false;
        }
        var why = trimmed.StartsWith(SshEd25519Kind + " ", StringComparison.Ordinal)
            ? ParseSsh(trimmed, out recipient)
            : ParseX25519(trimmed, out recipient);
        error = why is null ? "" : $"'{TerminalText.Bounded(trimmed, 40)}' is not an age1… recipient or an ssh-ed25519 public key: {why}";
        return why is null;
    }

    private static string? ParseX25519(string text, out AgeRecipient? recipient)
    {
        recipient = null;
        if (text.Length == 0)
            return "it is empty";
        if (text.StartsWith("AGE1", StringComparison.Ordinal) && !text.Any(char.IsAsciiLetterLower))
            return "an age recipient is written in lower case";
        var key = AgeBech32.Decode(text, Hrp, out var error);
        if (error is not null)
            return error;
        if (key.Length != AgeX25519.KeyLength)
            return $"its key is {key.Length} bytes, not 32";
        if (AgeX25519.IsLowOrder(key))
            return "its key is a low-order point, which no secret key has";
        recipient = new AgeRecipient(text, X25519Kind, key, null, null);
        return null;
    }

    private static string? ParseSsh(string text, out AgeRecipient? recipient)
    {
        recipient = null;
        var words = text.Split(' ', 3);
        var encoded = words[1];
        if (encoded.Length > 200)
            return "its key is too long for an Ed25519 key";
        byte[] wire;
        try
        {
            wire = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            return "its key is not base64";
        }
        if (Convert.ToBase64String(wire) != encoded)
            return "its key is not canonical base64";
        var ed25519 = AgeSshEd25519.PublicKeyFromWire(wire);
        if (ed25519 is null)
            return "its key is not one 32-byte ssh-ed25519 key";
        var montgomery = Edwards25519.MontgomeryFromEdwards(ed25519);
        if (montgomery is null || AgeX25519.IsLowOrder(montgomery))
            return "its key is not a usable point on Ed25519";
        recipient = new AgeRecipient(SshEd25519Kind + " " + encoded, SshEd25519Kind, montgomery, wire, ed25519);
        return null;
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is this key's over <paramref name="message"/>: XEdDSA for an
    /// age1 recipient, Ed25519 for ssh-ed25519. False for anything malformed; never throws.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        _ed25519 is null
            ? XEdDsa.Verify(_key, message, signature)
            : XEdDsa.Ed25519Verify(_ed25519, message, signature);

    internal AgeStanza Wrap(ReadOnlySpan<byte> fileKey) =>
        _sshWire is null ? AgeX25519.Wrap(fileKey, _key) : AgeSshEd25519.Wrap(fileKey, _sshWire, _key);

    public bool Equals(AgeRecipient? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AgeRecipient);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}
