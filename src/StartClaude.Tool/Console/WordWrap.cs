using System.Text;

namespace StartClaude.Tool.Console;

/// <summary>
/// Breaks a line for a terminal narrower than it at spaces, never inside a word (a terminal's own wrap
/// cuts "the value" into "the v" / "alue"). A continuation keeps the line's indentation, so a doctor's
/// "fix:" stays under its check, unless that would push a word past the edge. A word longer than the
/// width keeps a line of its own: a command or URL cut in two could not be copied.
/// </summary>
internal static class WordWrap
{
    public static string Lines(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (width <= 0 || text.Length <= width && !text.Contains('\n', StringComparison.Ordinal))
            return text;
        var wrapped = new StringBuilder(text.Length + 16);
        foreach (var line in text.Split('\n'))
        {
            if (wrapped.Length > 0)
                wrapped.Append('\n');
            Wrap(line, width, wrapped);
        }
        return wrapped.ToString();
    }

    private static void Wrap(string line, int width, StringBuilder wrapped)
    {
        if (line.Length <= width)
        {
            wrapped.Append(line);
            return;
        }
        var leading = line.Length - line.TrimStart(' ').Length;
        var indent = new string(' ', Math.Min(leading, width / 2));
        var current = new StringBuilder(line[..leading]);
        var atLineStart = true;
        // Words with the spaces before them, so columns within a line that fits keep their alignment.
        for (var i = leading; i < line.Length;)
        {
            var wordStart = i;
            while (wordStart < line.Length && line[wordStart] == ' ')
                wordStart++;
            var wordEnd = line.IndexOf(' ', wordStart);
            if (wordEnd < 0)
                wordEnd = line.Length;
            var gap = atLineStart ? 0 : wordStart - i;
            var word = line[wordStart..wordEnd];
            if (word.Length == 0)
                break;
            if (!atLineStart && current.Length + gap + word.Length > width)
            {
                wrapped.Append(current).Append('\n');
                // A word that fits only without the indentation goes without it: better out of line than cut.
                current.Clear().Append(indent.Length + word.Length <= width ? indent : "");
                gap = 0;
            }
            current.Append(' ', gap).Append(word);
            atLineStart = false;
            i = wordEnd;
        }
        wrapped.Append(current);
    }
}
