namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// A text cut into lines that keep their terminators ("\n", and so "\r\n"); a last line without one is a
/// line too. Each line also has an id, equal for lines with the same characters, so diffs compare ints.
/// </summary>
internal sealed class TextLines
{
    private readonly int[] _starts;

    private TextLines(string text, int[] starts, int[] ids)
    {
        Text = text;
        _starts = starts;
        Ids = ids;
    }

    public string Text { get; }

    public int[] Ids { get; }

    public int Count => Ids.Length;

    /// <summary>Cuts <paramref name="text"/> into lines, giving each distinct line one id from <paramref name="idsByLine"/>.</summary>
    public static TextLines Split(string text, Dictionary<string, int> idsByLine)
    {
        var count = text.AsSpan().Count('\n');
        if (text.Length > 0 && text[^1] != '\n')
            count++;
        var starts = new int[count + 1];
        var ids = new int[count];
        // Lines are looked up as spans: only a line not seen before becomes a string.
        var lookup = idsByLine.GetAlternateLookup<ReadOnlySpan<char>>();
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var newline = text.AsSpan(start).IndexOf('\n');
            var end = newline < 0 ? text.Length : start + newline + 1;
            var line = text.AsSpan(start, end - start);
            if (!lookup.TryGetValue(line, out var id))
            {
                id = idsByLine.Count;
                lookup[line] = id;
            }
            starts[i] = start;
            ids[i] = id;
            start = end;
        }
        starts[count] = text.Length;
        return new TextLines(text, starts, ids);
    }

    /// <summary>The characters of lines [<paramref name="from"/>, <paramref name="to"/>), terminators included.</summary>
    public ReadOnlySpan<char> Span(int from, int to) => Text.AsSpan(_starts[from], _starts[to] - _starts[from]);
}
