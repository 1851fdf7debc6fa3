using System.Text;

namespace StartClaude.Core.Encryption;

/// <summary>
/// age's ASCII armor (<c>age -a</c>), read strictly: the BEGIN and END lines, padded canonical base64
/// in 64-column lines (the last may be shorter, never empty), LF or CRLF line ends, and whitespace
/// allowed only outside the armor. start-claude writes binary files; it reads armored ones too.
/// </summary>
public static class AgeArmor
{
    private const string Begin = "-----BEGIN AGE ENCRYPTED FILE-----";
    private const string End = "-----END AGE ENCRYPTED FILE-----";

    public static bool LooksArmored(ReadOnlySpan<byte> data) =>
        data.TrimStart(" \t\r\n"u8).StartsWith(Encoding.ASCII.GetBytes(Begin));

    /// <exception cref="AgeException">Not well-formed armor (<see cref="AgeFailure.Armor"/>).</exception>
    public static byte[] Decode(ReadOnlySpan<byte> data)
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        foreach (var b in trimmed)
        {
            if (b is > 0x7E || (b < 0x20 && b is not (byte)'\n' and not (byte)'\r'))
                throw Malformed("it holds a character that is not printable ASCII");
        }
        var lines = Encoding.ASCII.GetString(trimmed).Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
        if (lines.Count < 2 || lines[0] != Begin || lines[^1] != End)
            throw Malformed("it does not start with the BEGIN line and end with the END line");
        var body = lines[1..^1];
        for (var i = 0; i < body.Count; i++)
        {
            var last = i == body.Count - 1;
            if (body[i].Length > 64 || (!last && body[i].Length != 64) || body[i].Length == 0)
                throw Malformed("its lines are not 64 columns (the last one shorter, never empty)");
            if (body[i].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
                throw Malformed("it holds a character outside base64");
        }
        var text = string.Concat(body);
        if (text.Length % 4 != 0)
            throw Malformed("its base64 is not padded");
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Malformed("its base64 is malformed");
        }
        if (Convert.ToBase64String(decoded) != text)
            throw Malformed("its base64 is not canonical");
        return decoded;
    }

    private static AgeException Malformed(string why) => new(AgeFailure.Armor, $"the armored age file is malformed: {why}");
}
