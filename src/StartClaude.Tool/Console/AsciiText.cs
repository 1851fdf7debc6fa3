namespace StartClaude.Tool.Console;

/// <summary>The tool's own typography in ASCII, for a terminal whose locale is not UTF-8 (<see cref="TerminalCharset"/>).</summary>
internal static class AsciiText
{
    // Only the characters the tool writes itself (the mask's ellipsis, dashes, arrows, quotes); text from
    // documents keeps its letters, which the person typed and may recognise in any form.
    private static readonly (string Unicode, string Ascii)[] Replacements =
    [
        ("\u2026", "..."), ("\u2014", "-"), ("\u2013", "-"), ("\u2192", "->"), ("\u2190", "<-"),
        ("\u2018", "'"), ("\u2019", "'"), ("\u201c", "\""), ("\u201d", "\""), ("\u2022", "*"), ("\u00b7", "-"),
    ];

    public static string From(string? text)
    {
        if (string.IsNullOrEmpty(text) || System.Text.Ascii.IsValid(text))
            return text ?? "";
        foreach (var (unicode, ascii) in Replacements)
            text = text.Replace(unicode, ascii, StringComparison.Ordinal);
        return text;
    }
}
