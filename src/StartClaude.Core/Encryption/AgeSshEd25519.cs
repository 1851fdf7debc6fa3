using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace StartClaude.Core.Encryption;

/// <summary>
/// age's ssh-ed25519 recipient, encrypt side only: the Ed25519 key mapped to its Montgomery form,
/// the X25519 shared secret tweaked by a scalar derived from the SSH key, then wrapped as X25519 is,
/// so that <c>age -d -i ~/.ssh/id_ed25519</c> opens the file.
/// </summary>
internal static class AgeSshEd25519
{
    public const string StanzaType = "ssh-ed25519";
    private const string Label = "age-encryption.org/v1/ssh-ed25519";
    private const int WireLength = 4 + 11 + 4 + 32;

    public static AgeStanza Wrap(ReadOnlySpan<byte> fileKey, byte[] wireKey, byte[] montgomery)
    {
        var (share, shared) = AgeX25519.Agree(montgomery);
        var tweak = HKDF.DeriveKey(HashAlgorithmName.SHA256, [], 32, salt: wireKey, info: Encoding.ASCII.GetBytes(Label));
        var tweaked = new byte[AgeX25519.KeyLength];
        X25519.ScalarMult(tweak, 0, shared, 0, tweaked, 0);
        var body = AgeX25519.Seal(AgeX25519.WrapKey(tweaked, share, montgomery, Label), fileKey);
        var tag = SHA256.HashData(wireKey).AsSpan(0, 4);
        return new AgeStanza(StanzaType, [AgeBase64.Encode(tag), AgeBase64.Encode(share)], body);
    }

    /// <summary>The Ed25519 public key inside an SSH wire-format key, or null when it is not exactly one ssh-ed25519 key.</summary>
    public static byte[]? PublicKeyFromWire(ReadOnlySpan<byte> wire)
    {
        if (wire.Length != WireLength
            || BinaryPrimitives.ReadUInt32BigEndian(wire) != 11
            || !wire.Slice(4, 11).SequenceEqual("ssh-ed25519"u8)
            || BinaryPrimitives.ReadUInt32BigEndian(wire[15..]) != 32)
            return null;
        return wire[19..].ToArray();
    }

    public static byte[] Wire(ReadOnlySpan<byte> publicKey)
    {
        var wire = new byte[WireLength];
        BinaryPrimitives.WriteUInt32BigEndian(wire, 11);
        "ssh-ed25519"u8.CopyTo(wire.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(wire.AsSpan(15), 32);
        publicKey.CopyTo(wire.AsSpan(19));
        return wire;
    }
}
