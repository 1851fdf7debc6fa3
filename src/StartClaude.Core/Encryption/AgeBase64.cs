namespace StartClaude.Core.Encryption;

/// <summary>The age header's base64: standard alphabet, no padding, and only the canonical encoding.</summary>
internal static class AgeBase64
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    /// <summary>The bytes, or null when the text is not canonical unpadded base64.</summary>
    public static byte[]? Decode(string text)
    {
        if (text.Length % 4 == 1 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/')))
            return null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text + new string('=', (4 - text.Length % 4) % 4));
        }
        catch (FormatException)
        {
            return null;
        }
        // Unused low bits must be zero: exactly one encoding per byte string.
        return Encode(bytes) == text ? bytes : null;
    }
}
