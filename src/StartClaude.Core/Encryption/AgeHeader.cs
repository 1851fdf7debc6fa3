using System.Text;

namespace StartClaude.Core.Encryption;

/// <summary>One recipient stanza: <c>-&gt; type args...</c> and its body.</summary>
public sealed record AgeStanza(string Type, IReadOnlyList<string> Arguments, byte[] Body);

/// <summary>
/// The header of an age v1 file, parsed strictly as the format specifies: LF line ends, stanzas of
/// printable arguments with canonical unpadded base64 bodies in 64-column lines (the last shorter),
/// and a MAC line. Anything else is <see cref="AgeFailure.Header"/>.
/// </summary>
public sealed class AgeHeader
{
    public const string VersionLine = "age-encryption.org/v1";
    private const int ColumnsPerLine = 64;

    /// <summary>The longest header read: 1,000 stanzas of any real recipient type fit many times over.</summary>
    public const int MaxLength = 1024 * 1024;

    private AgeHeader(IReadOnlyList<AgeStanza> stanzas, byte[] mac, int macInputLength, int length)
    {
        Stanzas = stanzas;
        Mac = mac;
        MacInputLength = macInputLength;
        Length = length;
    }

    public IReadOnlyList<AgeStanza> Stanzas { get; }

    public byte[] Mac { get; }

    /// <summary>How many bytes from the start the MAC covers: the header up to and including "---".</summary>
    public int MacInputLength { get; }

    /// <summary>The header's length in bytes; the payload starts here.</summary>
    public int Length { get; }

    public static bool LooksLikeAge(ReadOnlySpan<byte> file) => file.StartsWith(Encoding.ASCII.GetBytes(VersionLine + "\n"));

    public static AgeHeader Parse(ReadOnlySpan<byte> file)
    {
        var position = 0;
        if (ReadLine(file, ref position) != VersionLine)
            throw Malformed("it is not an age v1 file (the first line is not " + VersionLine + ")");
        // Stanza lines never start with "---", so the first "\n---" ends a well-formed header.
        if (file.Length > MaxLength && file[..MaxLength].IndexOf("\n---"u8) < 0)
            throw new AgeException(AgeFailure.Header, $"the age header is longer than {MaxLength / (1024 * 1024)} MiB; nothing was decrypted");

        var stanzas = new List<AgeStanza>();
        while (true)
        {
            var lineStart = position;
            var line = ReadLine(file, ref position) ?? throw Malformed("the header ends before its MAC line");
            if (line.StartsWith("--- ", StringComparison.Ordinal) || line == "---")
            {
                var mac = line.Length > 4 ? AgeBase64.Decode(line[4..]) : null;
                if (mac is not { Length: 32 })
                    throw Malformed("the header's MAC line is malformed");
                return new AgeHeader(stanzas, mac, lineStart + 3, position);
            }
            if (stanzas.Count == AgeFile.MaxRecipients)
                throw new AgeException(AgeFailure.Header, $"the age header holds more than {AgeFile.MaxRecipients} stanzas; nothing was decrypted");
            if (!line.StartsWith("-> ", StringComparison.Ordinal))
                throw Malformed("a header line is neither a stanza nor the MAC");
            var words = line[3..].Split(' ');
            if (words.Any(w => w.Length == 0 || w.Any(c => c is < '!' or > '~')))
                throw Malformed("a stanza has an empty or non-printable argument");
            stanzas.Add(new AgeStanza(words[0], words[1..], ReadBody(file, ref position)));
        }
    }

    /// <summary>Writes the header for <paramref name="stanzas"/>, with the MAC <paramref name="macOf"/> computes over it.</summary>
    public static byte[] Write(IEnumerable<AgeStanza> stanzas, Func<byte[], byte[]> macOf)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        ArgumentNullException.ThrowIfNull(macOf);
        var text = new StringBuilder(VersionLine).Append('\n');
        foreach (var stanza in stanzas)
        {
            text.Append("-> ").Append(stanza.Type);
            foreach (var argument in stanza.Arguments)
                text.Append(' ').Append(argument);
            text.Append('\n');
            var body = AgeBase64.Encode(stanza.Body);
            for (var i = 0; i <= body.Length; i += ColumnsPerLine)
                text.Append(body.AsSpan(i, Math.Min(ColumnsPerLine, body.Length - i))).Append('\n');
        }
        text.Append("---");
        var macInput = Encoding.ASCII.GetBytes(text.ToString());
        return [.. macInput, .. Encoding.ASCII.GetBytes(" " + AgeBase64.Encode(macOf(macInput)) + "\n")];
    }

    private static byte[] ReadBody(ReadOnlySpan<byte> file, ref int position)
    {
        var body = new StringBuilder();
        while (true)
        {
            var line = ReadLine(file, ref position) ?? throw Malformed("a stanza body is not terminated");
            if (line.Length > ColumnsPerLine)
                throw Malformed("a stanza body line is longer than 64 columns");
            body.Append(line);
            if (line.Length < ColumnsPerLine)
                break;
        }
        return AgeBase64.Decode(body.ToString()) ?? throw Malformed("a stanza body is not canonical base64");
    }

    // One LF-terminated line of ASCII, or null at the end of the data.
    private static string? ReadLine(ReadOnlySpan<byte> file, ref int position)
    {
        var rest = file[position..];
        var end = rest.IndexOf((byte)'\n');
        if (end < 0)
            return null;
        var line = rest[..end];
        foreach (var b in line)
        {
            if (b is < 0x20 or > 0x7E)
                throw Malformed("the header holds a control or non-ASCII character");
        }
        position += end + 1;
        return Encoding.ASCII.GetString(line);
    }

    private static AgeException Malformed(string why) => new(AgeFailure.Header, $"the age header is malformed: {why}");
}
