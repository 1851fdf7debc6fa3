namespace StartClaude.Tool.Console;

/// <summary>
/// Whether the terminal's locale says UTF-8. .NET writes UTF-8 whatever the locale, so under
/// <c>LANG=C</c> an ellipsis, a braille spinner or a box-drawing border arrives as bytes the terminal
/// shows as garbage: the tool writes ASCII there instead.
/// </summary>
internal static class TerminalCharset
{
    /// <summary>
    /// The locale is the first of LC_ALL, LC_CTYPE and LANG that is set (POSIX's order). None set is
    /// taken as UTF-8, as .NET takes it; a locale set without UTF-8 (C, POSIX, en_US.ISO-8859-1) is not.
    /// </summary>
    public static bool IsUtf8(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        foreach (var name in (string[])["LC_ALL", "LC_CTYPE", "LANG"])
        {
            if (variable(name) is { Length: > 0 } locale)
                return locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || locale.Contains("UTF8", StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }
}
