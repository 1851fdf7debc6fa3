namespace StartClaude.Core.Remote;

/// <summary>Text that came from the network, made safe to print: control characters escaped, length bounded.</summary>
public static class WireText
{
    public const int MaxLength = 200;

    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > MaxLength
            ? Documents.TerminalText.Escape(text[..MaxLength]) + "…"
            : Documents.TerminalText.Escape(text);
    }
}
