using System.Numerics;

namespace StartClaude.Core.Encryption;

/// <summary>
/// The little Edwards25519 arithmetic XEdDSA and the ssh-ed25519 recipient need and BouncyCastle does
/// not expose: a fixed-base scalar multiplication of any scalar, point encoding, and the birational
/// maps between the Edwards y and the Montgomery u coordinate.
/// </summary>
/// <remarks>
/// Built on <see cref="BigInteger"/>, which is not constant-time: the time to sign can depend on the
/// secret scalar. Accepted here because signing happens in a short-lived local process, once per
/// write, with a key that is already readable by anyone who can run code as the user; no remote party
/// can ask for signatures and time them. The ladder below at least does the same operations for
/// every bit. Verification, which handles only public data, is BouncyCastle's.
/// </remarks>
internal static class Edwards25519
{
    public static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    /// <summary>The order of the base point's subgroup.</summary>
    public static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger TwoD = Mod(2 * D);

    private static readonly Point Base = FromAffine(
        BigInteger.Parse("15112221349535400772501151409588531511454012693041857206046113283949847762202", System.Globalization.CultureInfo.InvariantCulture),
        BigInteger.Parse("46316835694926478169428394003475163141307993866256225615783033603165251855960", System.Globalization.CultureInfo.InvariantCulture));

    // Extended coordinates: x = X/Z, y = Y/Z, xy = T/Z.
    private readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T);

    /// <summary>The 32-byte encoding of <paramref name="scalar"/>·B (y little-endian, x's parity in the top bit).</summary>
    public static byte[] MultiplyBase(BigInteger scalar)
    {
        var result = FromAffine(0, 1);
        var addend = Base;
        // 256 rounds whatever the scalar, each one addition and one doubling, the result chosen after.
        for (var i = 0; i < 256; i++)
        {
            var sum = Add(result, addend);
            result = scalar.IsEven ? result : sum;
            scalar >>= 1;
            addend = Add(addend, addend);
        }
        return Encode(result);
    }

    /// <summary>The Edwards encoding, sign bit 0, of the Montgomery <paramref name="u"/>; null when u ≥ p or u = p − 1.</summary>
    public static byte[]? EdwardsFromMontgomery(ReadOnlySpan<byte> u)
    {
        if (u.Length != 32)
            return null;
        var value = FromLittleEndian(u);
        if (value >= P || value == P - 1)
            return null;
        var y = Mod((value - 1) * Inverse(value + 1));
        return ToLittleEndian(y);
    }

    /// <summary>The Montgomery u of an encoded Edwards point; null when it is not a point on the curve or is the identity.</summary>
    public static byte[]? MontgomeryFromEdwards(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != 32)
            return null;
        var signBit = (encoded[31] & 0x80) != 0;
        var bytes = encoded.ToArray();
        bytes[31] &= 0x7f;
        var y = FromLittleEndian(bytes);
        if (y >= P || y == 1)
            return null;
        var xSquared = Mod((y * y - 1) * Inverse(D * y * y + 1));
        if (!IsSquare(xSquared) || (xSquared.IsZero && signBit))
            return null;
        return ToLittleEndian(Mod((1 + y) * Inverse(1 - y)));
    }

    public static BigInteger FromLittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    public static byte[] ToLittleEndian(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }

    public static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }

    private static BigInteger Mod(BigInteger value) => Mod(value, P);

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private static bool IsSquare(BigInteger value) => value.IsZero || BigInteger.ModPow(value, (P - 1) / 2, P).IsOne;

    private static Point FromAffine(BigInteger x, BigInteger y) => new(x, y, 1, Mod(x * y));

    // The unified addition for a = −1 twisted Edwards curves in extended coordinates (Hisil et al. 2008).
    private static Point Add(Point p, Point q)
    {
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(p.T * TwoD * q.T);
        var d = Mod(2 * p.Z * q.Z);
        var (e, f, g, h) = (b - a, d - c, d + c, b + a);
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static byte[] Encode(Point point)
    {
        var zInverse = Inverse(point.Z);
        var x = Mod(point.X * zInverse);
        var bytes = ToLittleEndian(Mod(point.Y * zInverse));
        if (!x.IsEven)
            bytes[31] |= 0x80;
        return bytes;
    }
}
