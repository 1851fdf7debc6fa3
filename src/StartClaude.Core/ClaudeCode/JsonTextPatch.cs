using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// Edits the text of a JSON object in place: each edit splices only the bytes of the value it sets or of
/// the member it removes, so every key this machine did not choose keeps its value, its place and its
/// formatting byte for byte (issue 23: tools that rewrote Claude Code's files lost keys).
/// </summary>
public static class JsonTextPatch
{
    /// <summary>The largest text a patch reads, in UTF-8 bytes.</summary>
    internal const int MaxBytes = 16 * 1024 * 1024;

    private const int MaxDepth = 64;
    private const char ByteOrderMark = '\uFEFF';
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The reader's own limit is one above ours so that our message, naming the limit, comes first.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth + 1 };

    /// <summary>The text with the edits applied; every byte outside the edited values stays as it was.</summary>
    /// <exception cref="DocumentFormatException">The text is not a JSON object (one clear sentence, no content quoted).</exception>
    public static string Apply(string text, IReadOnlyList<JsonTextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        foreach (var edit in edits)
        {
            ArgumentNullException.ThrowIfNull(edit, nameof(edits));
            if (edit.Path is not { Count: > 0 } || edit.Path.Any(key => key is null))
                throw new ArgumentException("Every edit needs a path of at least one key.", nameof(edits));
        }
        if (text.Length > MaxBytes)
            throw TooLarge();

        var byteOrderMark = text.StartsWith(ByteOrderMark) ? text[..1] : "";
        var body = text[byteOrderMark.Length..];
        // An empty file is an empty object; its whitespace stays after it as trailing whitespace does.
        if (body.AsSpan().IndexOfAnyExcept(" \t\r\n") < 0)
            body = "{}" + body;

        var utf8 = Utf8(body);
        if (utf8.Length > MaxBytes)
            throw TooLarge();
        var root = Validate(utf8);
        var style = JsonTextStyle.Detect(utf8);
        foreach (var edit in edits)
            utf8 = ApplyOne(utf8, root, edit, style);
        return byteOrderMark + Encoding.UTF8.GetString(utf8);
    }

    private static byte[] ApplyOne(byte[] utf8, int root, JsonTextEdit edit, JsonTextStyle style)
    {
        var path = edit.Path;
        var target = Scan(utf8, root);
        var multiLine = IsMultiLine(utf8, target, style.RootIsMultiLine);
        for (var level = 0; level < path.Count; level++)
        {
            var index = target.IndexOf(path[level]);
            var isLast = level == path.Count - 1;
            if (index < 0)
                return edit.Remove ? utf8 : AddMember(utf8, target, multiLine, path[level], isLast ? edit.Value : Nest(path, level + 1, edit.Value), style);
            var member = target.Members[index];
            if (isLast)
                return edit.Remove ? RemoveMember(utf8, target, index) : ReplaceValue(utf8, member, multiLine, edit.Value, style);
            if (member.ValueToken != JsonTokenType.StartObject)
                throw new DocumentFormatException($"The JSON text has a value that is not an object where the edit's path goes through it (key {level + 1} of {path.Count}).");
            target = Scan(utf8, member.ValueStart);
            multiLine = IsMultiLine(utf8, target, multiLine);
        }
        throw new InvalidOperationException("A path of at least one key always ends in the loop.");
    }

    private static byte[] ReplaceValue(byte[] utf8, MemberSpan member, bool multiLine, JsonNode? value, JsonTextStyle style)
    {
        var text = style.Value(value, LineIndent(utf8, member.NameStart), multiLine);
        return Splice(utf8, member.ValueStart, member.ValueEnd, text);
    }

    private static byte[] AddMember(byte[] utf8, ObjectSpan target, bool multiLine, string name, JsonNode? value, JsonTextStyle style)
    {
        if (target.Members.Count == 0)
        {
            if (!multiLine)
                return Splice(utf8, target.Open + 1, target.Close, style.Member(name, value, "", multiLine: false));
            // {} and {\n} alike: the member on its own line, the brace back at the object's own indent.
            var indent = LineIndent(utf8, target.Open);
            var inner = indent + style.IndentUnit;
            var member = style.Member(name, value, inner, multiLine: true);
            return Splice(utf8, target.Open + 1, target.Close, style.NewLine + inner + member + style.NewLine + indent);
        }

        var last = target.Members[^1];
        if (multiLine)
        {
            var indent = LineIndent(utf8, last.NameStart);
            return Splice(utf8, last.ValueEnd, last.ValueEnd, "," + style.NewLine + indent + style.Member(name, value, indent, multiLine: true));
        }
        var separator = target.Members.Count >= 2
            ? Encoding.UTF8.GetString(utf8, target.Members[^2].ValueEnd, last.NameStart - target.Members[^2].ValueEnd)
            : style.ItemSeparator;
        return Splice(utf8, last.ValueEnd, last.ValueEnd, separator + style.Member(name, value, "", multiLine: false));
    }

    // The member and one comma next to it go: the one before it, or for the first member the one after
    // it (with the space up to the next key, so that key takes the first one's place and indent).
    private static byte[] RemoveMember(byte[] utf8, ObjectSpan target, int index)
    {
        var members = target.Members;
        if (members.Count == 1)
            return Splice(utf8, target.Open + 1, target.Close, "");
        return index > 0
            ? Splice(utf8, members[index - 1].ValueEnd, members[index].ValueEnd, "")
            : Splice(utf8, members[0].NameStart, members[1].NameStart, "");
    }

    // The objects a path still lacks, around the value it sets.
    private static JsonNode Nest(IReadOnlyList<string> path, int from, JsonNode? value)
    {
        var node = value?.DeepClone();
        for (var level = path.Count - 1; level >= from; level--)
            node = new JsonObject { [path[level]] = node };
        return node!;
    }

    // An object on several lines gets values on several lines; an empty one on one line (`{}`) shows no
    // preference and follows the object around it.
    private static bool IsMultiLine(byte[] utf8, ObjectSpan target, bool whenEmpty) =>
        utf8.AsSpan(target.Open, target.Close - target.Open).Contains((byte)'\n')
        || (target.Members.Count == 0 && whenEmpty);

    // The spaces and tabs that start the line holding the byte at offset.
    private static string LineIndent(byte[] utf8, int offset)
    {
        var lineStart = utf8.AsSpan(0, offset).LastIndexOf((byte)'\n') + 1;
        var line = utf8.AsSpan(lineStart, offset - lineStart);
        var width = line.IndexOfAnyExcept(" \t"u8);
        return Encoding.ASCII.GetString(line[..(width < 0 ? line.Length : width)]);
    }

    private static byte[] Splice(byte[] utf8, int start, int end, string replacement)
    {
        var inserted = Encoding.UTF8.GetBytes(replacement);
        var result = new byte[utf8.Length - (end - start) + inserted.Length];
        utf8.AsSpan(0, start).CopyTo(result);
        inserted.CopyTo(result, start);
        utf8.AsSpan(end).CopyTo(result.AsSpan(start + inserted.Length));
        return result;
    }

    /// <summary>One pass over the whole text: it is one JSON object and nothing else. Returns where it starts.</summary>
    private static int Validate(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new DocumentFormatException("The JSON text is not an object at its top level.");
            var root = (int)reader.TokenStartIndex;
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                    throw new DocumentFormatException($"The JSON text is nested more than {MaxDepth} levels deep (line {LineOf(utf8, (int)reader.TokenStartIndex)}).");
            }
            return root;
        }
        catch (JsonException ex)
        {
            // The parser's message may quote a character of the text; the position is enough to find it.
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            throw new DocumentFormatException($"The JSON text is not valid JSON{where}.");
        }
    }

    /// <summary>The members of the object that starts at <paramref name="open"/>, in order, with their byte spans.</summary>
    private static ObjectSpan Scan(byte[] utf8, int open)
    {
        var reader = new Utf8JsonReader(utf8.AsSpan(open), ReaderOptions);
        reader.Read();
        var members = new List<MemberSpan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = open + (int)reader.TokenStartIndex;
            var name = KeyText(ref reader, utf8, nameStart);
            // Which of two equal keys a reader honours differs between parsers: changing either is a guess.
            if (!names.Add(name))
                throw new DocumentFormatException($"The JSON text has the same key twice in one object the edit changes (line {LineOf(utf8, nameStart)}).");
            reader.Read();
            var valueToken = reader.TokenType;
            var valueStart = open + (int)reader.TokenStartIndex;
            reader.Skip();
            members.Add(new MemberSpan(name, nameStart, valueStart, open + (int)reader.BytesConsumed, valueToken));
        }
        return new ObjectSpan(open, open + (int)reader.TokenStartIndex, members);
    }

    private static string KeyText(ref Utf8JsonReader reader, byte[] utf8, int nameStart)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new DocumentFormatException($"The JSON text has a key holding an unpaired UTF-16 surrogate escape, which is not text (line {LineOf(utf8, nameStart)}).");
        }
    }

    private static byte[] Utf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            throw new DocumentFormatException("The JSON text holds an unpaired UTF-16 surrogate, which is not text.");
        }
    }

    private static int LineOf(byte[] utf8, int offset) => utf8.AsSpan(0, offset).Count((byte)'\n') + 1;

    private static DocumentFormatException TooLarge() =>
        new($"The JSON text is larger than {MaxBytes / (1024 * 1024)} MiB, the most a patch reads.");

    private sealed record MemberSpan(string Name, int NameStart, int ValueStart, int ValueEnd, JsonTokenType ValueToken);

    private sealed record ObjectSpan(int Open, int Close, IReadOnlyList<MemberSpan> Members)
    {
        public int IndexOf(string name)
        {
            for (var i = 0; i < Members.Count; i++)
            {
                if (Members[i].Name == name)
                    return i;
            }
            return -1;
        }
    }
}
