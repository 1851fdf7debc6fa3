using System.Text;
using StartClaude.Core.Documents;

namespace StartClaude.Tool.Console;

/// <summary>A writer for stderr that escapes control characters in everything written (line breaks kept).</summary>
internal sealed class TerminalSafeWriter : TextWriter
{
    private readonly Func<TextWriter> _open;
    private TextWriter? _inner;

    public TerminalSafeWriter(TextWriter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        (_inner, _open) = (inner, () => inner);
    }

    /// <param name="open">Called on the first write: a start that warns of nothing never sets up stderr.</param>
    public TerminalSafeWriter(Func<TextWriter> open) => _open = open;

    public TextWriter Inner => _inner ??= _open();

    /// <summary>The tool's typography in ASCII: the terminal's locale is not UTF-8.</summary>
    public bool AsciiOnly { get; set; }

    private string? Safe(string? value)
    {
        var escaped = TerminalText.Escape(value, keepNewlines: true);
        return AsciiOnly ? AsciiText.From(escaped) : escaped;
    }

    public override Encoding Encoding => Inner.Encoding;

    public override void Write(char value) => Inner.Write(Safe(value.ToString()));

    public override void Write(string? value) => Inner.Write(Safe(value));

    public override void WriteLine(string? value) => Inner.WriteLine(Safe(value));

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();
}
