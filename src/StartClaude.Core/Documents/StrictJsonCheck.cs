using System.Text;
using System.Text.Json;

namespace StartClaude.Core.Documents;

/// <summary>
/// One pass over JSON text before it becomes a tree, so that what the tree would only find later (or
/// report as a bare position) is named: nesting too deep, a duplicate key, a string holding half of a
/// UTF-16 surrogate pair (which .NET cannot turn into a string and would fail on at first use).
/// </summary>
internal static class StrictJsonCheck
{
    private const int MaxQuotedKey = 40;

    /// <exception cref="DocumentFormatException">The text breaks one of the rules, or is not JSON.</exception>
    public static void Run(ReadOnlySpan<byte> utf8, string origin, int maxDepth)
    {
        // The reader's own limit is one above ours so that our message, naming the limit, comes first.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var keys = new Stack<HashSet<string>>();
        // A set per object, reused once the object ends: 10,000 configs made 10,000 sets before.
        var sets = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                            throw Refuse(origin, $"it is nested more than {maxDepth} levels deep", utf8, reader.TokenStartIndex);
                        if (reader.TokenType == JsonTokenType.StartObject)
                            keys.Push(sets.Count > 0 ? sets.Pop() : new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        var done = keys.Pop();
                        done.Clear();
                        sets.Push(done);
                        break;
                    case JsonTokenType.PropertyName:
                        var key = Text(ref reader, origin, utf8);
                        if (!keys.Peek().Add(key))
                            throw Refuse(origin, $"duplicate key \"{Quote(key)}\"", utf8, reader.TokenStartIndex);
                        break;
                    case JsonTokenType.String:
                        if (reader.ValueIsEscaped)
                            Text(ref reader, origin, utf8);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            throw new DocumentFormatException($"{origin} is not valid JSON: {Reason(ex)}{where}", ex);
        }
    }

    private static string Text(ref Utf8JsonReader reader, string origin, ReadOnlySpan<byte> utf8)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Refuse(origin, "a string holds an unpaired UTF-16 surrogate (a \\uD800–\\uDFFF escape without its other half), which is not text", utf8, reader.TokenStartIndex);
        }
    }

    private static DocumentFormatException Refuse(string origin, string why, ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new DocumentFormatException($"{origin} is not valid JSON: {why} (line {line}, byte {column})");
    }

    // The parser's own words without its position suffix; it quotes at most a character or a literal.
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return Quote(reason, 160);
    }

    // Printable ASCII and letters only, shortened: a key is shown to a person, not replayed.
    private static string Quote(string text, int max = MaxQuotedKey)
    {
        var quoted = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
            quoted.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        if (text.Length > max)
            quoted.Append('…');
        return quoted.ToString();
    }
}
