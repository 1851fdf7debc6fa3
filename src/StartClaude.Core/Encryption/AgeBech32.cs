using System.Text;

namespace StartClaude.Core.Encryption;

/// <summary>
/// Bech32 (BIP 173, the original checksum constant) as age uses it for keys: one case throughout,
/// and without BIP 173's 90-character limit, which age lifts.
/// </summary>
internal static class AgeBech32
{
    private const string Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;

    // Far above any key (an age1 recipient is 62 characters): bounds work on hostile text.
    private const int MaxLength = 256;

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var upper = hrp.Any(char.IsAsciiLetterUpper);
        var lowerHrp = hrp.ToLowerInvariant();
        var values = ToFiveBits(data);
        var checksum = Checksum(lowerHrp, values);
        var text = new StringBuilder(lowerHrp).Append('1');
        foreach (var v in values.Concat(checksum))
            text.Append(Alphabet[v]);
        var result = text.ToString();
        return upper ? result.ToUpperInvariant() : result;
    }

    /// <summary>The data under <paramref name="hrp"/> (compared in the text's own case), or a reason it is not.</summary>
    public static byte[] Decode(string text, string hrp, out string? error)
    {
        error = null;
        if (text.Length > MaxLength)
            return Fail("it is too long", out error);
        if (text.Any(c => c is < '!' or > '~'))
            return Fail("it holds a space or a character outside printable ASCII", out error);
        var hasLower = text.Any(char.IsAsciiLetterLower);
        var hasUpper = text.Any(char.IsAsciiLetterUpper);
        if (hasLower && hasUpper)
            return Fail("it mixes upper and lower case", out error);
        var separator = text.LastIndexOf('1');
        if (separator < 1 || text.Length - separator - 1 < ChecksumLength)
            return Fail("it is not bech32 (no '1' separator before a checksum)", out error);
        if (!string.Equals(text[..separator], hrp, StringComparison.Ordinal))
            return Fail($"it does not start with {hrp}1", out error);
        var lower = text.ToLowerInvariant();
        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Alphabet.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (index < 0)
                return Fail("it holds a character outside the bech32 alphabet", out error);
            values[i] = (byte)index;
        }
        if (Polymod([.. ExpandHrp(lower[..separator]), .. values]) != 1)
            return Fail("its checksum does not match (a typo or a truncated key)", out error);
        var data = FromFiveBits(values.AsSpan(0, values.Length - ChecksumLength));
        return data ?? Fail("its data has non-zero padding bits", out error);
    }

    private static byte[] Fail(string why, out string? error)
    {
        error = why;
        return [];
    }

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint[] generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint checksum = 1;
        foreach (var v in values)
        {
            var top = checksum >> 25;
            checksum = ((checksum & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                    checksum ^= generator[i];
            }
        }
        return checksum;
    }

    private static byte[] ExpandHrp(string hrp) =>
        [.. hrp.Select(c => (byte)(c >> 5)), 0, .. hrp.Select(c => (byte)(c & 31))];

    private static byte[] Checksum(string hrp, byte[] values)
    {
        var polymod = Polymod([.. ExpandHrp(hrp), .. values, 0, 0, 0, 0, 0, 0]) ^ 1;
        var checksum = new byte[ChecksumLength];
        for (var i = 0; i < ChecksumLength; i++)
            checksum[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        return checksum;
    }

    private static byte[] ToFiveBits(ReadOnlySpan<byte> data)
    {
        var values = new List<byte>();
        int accumulator = 0, bits = 0;
        foreach (var b in data)
        {
            accumulator = (accumulator << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                values.Add((byte)((accumulator >> bits) & 31));
            }
        }
        if (bits > 0)
            values.Add((byte)((accumulator << (5 - bits)) & 31));
        return [.. values];
    }

    private static byte[]? FromFiveBits(ReadOnlySpan<byte> values)
    {
        var data = new List<byte>();
        int accumulator = 0, bits = 0;
        foreach (var v in values)
        {
            accumulator = ((accumulator << 5) | v) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                data.Add((byte)((accumulator >> bits) & 0xff));
            }
        }
        // Leftover bits must be fewer than 5 and all zero: one encoding per byte string.
        if (bits >= 5 || (accumulator & ((1 << bits) - 1)) != 0)
            return null;
        return [.. data];
    }
}
