namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// The rule for a file path as the document stores it: relative to the Claude Code folder, <c>/</c>-separated,
/// inside a kind (<c>CLAUDE.md</c>, or under <c>agents/</c>, <c>commands/</c>, <c>skills/</c>, <c>output-styles/</c>;
/// <c>rules/</c> for a team's CLAUDE.md),
/// with no empty, <c>.</c>, <c>..</c> or hidden segment, no backslash, colon or control character. A path from the
/// bucket that breaks it is refused before anything is written, so no document can reach outside those folders.
/// </summary>
public static class ClaudePath
{
    public const int MaxLength = 512;
    private const int MaxSegmentBytes = 255;

    /// <summary>Why <paramref name="path"/> is not a path the document may hold, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (path.Length is 0 or > MaxLength)
            return $"a file path must be 1 to {MaxLength} characters";
        foreach (var c in path)
        {
            if (char.IsControl(c) || c is '\\' or ':' || c is '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
                return "a file path may not hold control characters, backslashes or colons";
        }
        if (path.StartsWith('/') || path.EndsWith('/'))
            return "a file path must be relative, naming a file";
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment.StartsWith('.'))
                return "a file path may not hold empty, '.', '..' or hidden segments";
            if (System.Text.Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
                return $"a file name may be at most {MaxSegmentBytes} bytes";
        }
        if (ClaudeKinds.OfFile(path) is null || path.Length == path.IndexOf('/') + 1)
            return "a file path must be CLAUDE.md or lie under agents/, commands/, skills/, output-styles/ or rules/";
        return null;
    }

    /// <summary><paramref name="path"/> under <paramref name="folder"/>, checked again to lie inside it.</summary>
    /// <exception cref="Documents.DocumentFormatException">The path breaks the rule (never expected: the document was checked when read).</exception>
    public static string Under(string folder, string path)
    {
        if (Problem(path) is { } problem)
            throw new Documents.DocumentFormatException($"refused the file path '{Documents.TerminalText.Escape(path)}': {problem}; nothing was written");
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new Documents.DocumentFormatException($"refused the file path '{Documents.TerminalText.Escape(path)}': it leaves {Documents.TerminalText.Escape(root)}; nothing was written");
        return full;
    }
}
