using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// How a file writes its JSON (indent unit, line ending, the text between a key and its value), learned
/// from the file itself, and a writer for new values in that layout so they look like their neighbours.
/// </summary>
internal sealed record JsonTextStyle(string IndentUnit, string NewLine, string KeySeparator, string ItemSeparator, bool RootIsMultiLine)
{
    // What Claude Code (JSON.stringify with 2 spaces) writes, used when the file shows nothing else.
    private const string DefaultIndentUnit = "  ";
    private const string DefaultKeySeparator = ": ";

    /// <summary>The layout of <paramref name="utf8"/>, a valid JSON object with nothing but whitespace around it.</summary>
    public static JsonTextStyle Detect(ReadOnlySpan<byte> utf8)
    {
        var open = utf8.IndexOf((byte)'{');
        var close = utf8.LastIndexOf((byte)'}');
        var inner = utf8[(open + 1)..close];
        var rootIsEmpty = inner.IndexOfAnyExcept(" \t\r\n"u8) < 0;
        var keySeparator = FirstKeySeparator(utf8) ?? DefaultKeySeparator;
        return new JsonTextStyle(
            FirstIndent(utf8),
            NewLineOf(utf8),
            keySeparator,
            keySeparator.EndsWith(' ') ? ", " : ",",
            // An empty root shows no preference; a new file gets Claude Code's own layout.
            rootIsEmpty || inner.Contains((byte)'\n'));
    }

    /// <summary>One member, <c>"name": value</c>, whose continuation lines start with <paramref name="indent"/>.</summary>
    public string Member(string name, JsonNode? value, string indent, bool multiLine)
    {
        var text = new StringBuilder();
        WriteMember(text, name, value, indent, multiLine);
        return text.ToString();
    }

    /// <summary>A value whose continuation lines start with <paramref name="indent"/> (the line its key is on).</summary>
    public string Value(JsonNode? value, string indent, bool multiLine)
    {
        var text = new StringBuilder();
        Write(text, value, indent, multiLine);
        return text.ToString();
    }

    private void WriteMember(StringBuilder text, string name, JsonNode? value, string indent, bool multiLine)
    {
        WriteString(text, name);
        text.Append(KeySeparator);
        Write(text, value, indent, multiLine);
    }

    private void Write(StringBuilder text, JsonNode? node, string indent, bool multiLine)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(text, '{', '}', obj, indent, multiLine,
                    (member, inner) => WriteMember(text, member.Key, member.Value, inner, multiLine));
                break;
            case JsonArray array:
                WriteContainer(text, '[', ']', array, indent, multiLine,
                    (item, inner) => Write(text, item, inner, multiLine));
                break;
            case JsonValue value:
                WriteScalar(text, value, indent, multiLine);
                break;
        }
    }

    private void WriteContainer<T>(StringBuilder text, char open, char close, ICollection<T> items, string indent, bool multiLine, Action<T, string> writeItem)
    {
        text.Append(open);
        if (items.Count > 0)
        {
            var inner = indent + IndentUnit;
            var first = true;
            foreach (var item in items)
            {
                if (!first)
                    text.Append(multiLine ? "," : ItemSeparator);
                if (multiLine)
                    text.Append(NewLine).Append(inner);
                writeItem(item, inner);
                first = false;
            }
            if (multiLine)
                text.Append(NewLine).Append(indent);
        }
        text.Append(close);
    }

    private void WriteScalar(StringBuilder text, JsonValue value, string indent, bool multiLine)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.TryGetValue<string>(out var s) ? s : JsonNode.Parse(value.ToJsonString())!.GetValue<string>());
                break;
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                // A value wrapping a .NET object: its JSON tree, laid out like the rest.
                Write(text, JsonNode.Parse(value.ToJsonString()), indent, multiLine);
                break;
            default:
                // Numbers keep the text they were read with (1.0e5 stays 1.0e5); literals are ASCII.
                text.Append(value.ToJsonString());
                break;
        }
    }

    // Non-ASCII stays as it is (Claude Code's files hold é and emoji as themselves); quotes, backslashes,
    // control characters and unpaired surrogates are escaped, so the text is valid JSON and safe on a terminal.
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        text.Append(c).Append(value[++i]);
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }

    // The leading whitespace of the first indented key: in a pretty-printed object that is one level.
    private static string FirstIndent(ReadOnlySpan<byte> utf8)
    {
        var rest = utf8;
        for (var newLine = rest.IndexOf((byte)'\n'); newLine >= 0; newLine = rest.IndexOf((byte)'\n'))
        {
            rest = rest[(newLine + 1)..];
            var width = rest.IndexOfAnyExcept(" \t"u8);
            if (width > 0 && rest[width] == '"')
                return Encoding.ASCII.GetString(rest[..width]);
        }
        return DefaultIndentUnit;
    }

    private static string NewLineOf(ReadOnlySpan<byte> utf8)
    {
        var newLine = utf8.IndexOf((byte)'\n');
        return newLine > 0 && utf8[newLine - 1] == '\r' ? "\r\n" : "\n";
    }

    // The bytes between the first key and its value (": " or ":"), when they sit on one line.
    private static string? FirstKeySeparator(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                continue;
            var nameEnd = (int)reader.TokenStartIndex + reader.ValueSpan.Length + 2;
            reader.Read();
            var separator = utf8[nameEnd..(int)reader.TokenStartIndex];
            return separator.IndexOfAny((byte)'\r', (byte)'\n') < 0 ? Encoding.ASCII.GetString(separator) : null;
        }
        return null;
    }
}
