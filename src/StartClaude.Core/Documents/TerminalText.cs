using System.Globalization;
using System.Text;

namespace StartClaude.Core.Documents;

/// <summary>
/// Text from a document, the bucket or the environment made safe for a terminal: every control
/// character (C0, DEL, C1 — the start of escape sequences that retitle a window or clear the screen)
/// and the bidirectional overrides that reorder what is shown are written as visible <c>\uXXXX</c>.
/// In Core, so a message built from the network is escaped by the same rule; no Spectre types, so the everyday commands can use it without loading Spectre.Console.
/// </summary>
public static class TerminalText
{
    /// <param name="text">Anything that may have come from outside the tool.</param>
    /// <param name="keepNewlines">Keep line breaks (and tabs): for whole messages; never for a single name or value.</param>
    public static string Escape(string? text, bool keepNewlines = false)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        if (!NeedsAnyEscape(text, keepNewlines))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(text, i, keepNewlines))
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// A word a person typed (or a document held), escaped and cut to <paramref name="maxChars"/> for a
    /// one-line message: a 100 KB argument is named by its start and its length, not echoed whole.
    /// </summary>
    public static string Bounded(string? text, int maxChars = 80)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= maxChars)
            return Escape(text);
        var cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return Escape(text[..cut]) + string.Create(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
    }

    private static bool NeedsAnyEscape(string text, bool keepNewlines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text, i, keepNewlines))
                return true;
        }
        return false;
    }

    // A carriage return is kept only as part of a "\r\n" line break: alone it moves the cursor back
    // and lets the rest of the line overwrite what was printed before it.
    private static bool NeedsEscape(string text, int i, bool keepNewlines)
    {
        var c = text[i];
        if (keepNewlines && (c is '\n' or '\t' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')))
            return false;
        return char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';
    }
}
