using System.Text;

namespace StartClaude.Core.Remote;

/// <summary>Text that came from the network, made safe to print: control characters escaped, length bounded.</summary>
public static class WireText
{
    public const int MaxLength = 200;

    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        if (text.Length > MaxLength)
            builder.Append('…');
        return builder.ToString();
    }
}
