using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace StartClaude.Core.Encryption;

/// <summary>
/// XEdDSA (Signal's specification) over Curve25519: Ed25519-compatible signatures made with an X25519
/// secret key, checked against the X25519 public key alone. The signer uses the Edwards key with sign
/// bit 0 (negating its scalar when needed), which is the one a verifier derives from u.
/// </summary>
internal static class XEdDsa
{
    public const int SignatureLength = 64;

    public static byte[] Sign(ReadOnlySpan<byte> clampedScalar, ReadOnlySpan<byte> message, ReadOnlySpan<byte> random64)
    {
        if (random64.Length != 64)
            throw new ArgumentException("XEdDSA needs 64 random bytes", nameof(random64));
        var k = Edwards25519.FromLittleEndian(clampedScalar);
        var publicKey = Edwards25519.MultiplyBase(k);
        var negate = (publicKey[31] & 0x80) != 0;
        publicKey[31] &= 0x7f;
        var a = Edwards25519.Mod(negate ? -k : k, Edwards25519.L);
        var aBytes = Edwards25519.ToLittleEndian(a);

        // hash1 of the spec: SHA-512 with the first of its domain-separation prefixes (2^256 − 2).
        var prefix = new byte[32];
        prefix.AsSpan().Fill(0xFF);
        prefix[0] = 0xFE;
        var r = Reduce(SHA512.HashData([.. prefix, .. aBytes, .. message, .. random64]));
        var bigR = Edwards25519.MultiplyBase(r);
        var h = Reduce(SHA512.HashData([.. bigR, .. publicKey, .. message]));
        var s = Edwards25519.Mod(r + h * a, Edwards25519.L);
        CryptographicOperations.ZeroMemory(aBytes);
        return [.. bigR, .. Edwards25519.ToLittleEndian(s)];
    }

    /// <summary>Whether <paramref name="signature"/> is XEdDSA's under the X25519 public key <paramref name="u"/>; false for anything malformed.</summary>
    public static bool Verify(ReadOnlySpan<byte> u, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
            return false;
        var edwards = Edwards25519.EdwardsFromMontgomery(u);
        return edwards is not null && Ed25519Verify(edwards, message, signature);
    }

    /// <summary>Plain Ed25519 verification (RFC 8032) by BouncyCastle; false for anything malformed.</summary>
    public static bool Ed25519Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519.PublicKeySize || signature.Length != Ed25519.SignatureSize)
            return false;
        var m = message.ToArray();
        return Ed25519.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, m, 0, m.Length);
    }

    private static System.Numerics.BigInteger Reduce(byte[] digest) => Edwards25519.FromLittleEndian(digest) % Edwards25519.L;
}
