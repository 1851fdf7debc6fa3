using System.Text;
using StartClaude.Core.Documents;

namespace StartClaude.Tool.Console;

/// <summary>A writer for stderr that escapes control characters in everything written (line breaks kept).</summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override void Write(char value) => Inner.Write(TerminalText.Escape(value.ToString(), keepNewlines: true));

    public override void Write(string? value) => Inner.Write(TerminalText.Escape(value, keepNewlines: true));

    public override void WriteLine(string? value) => Inner.WriteLine(TerminalText.Escape(value, keepNewlines: true));

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();
}
