using Spectre.Console;
using System.Text;

namespace StartClaude.Tool.Console;

/// <summary>Lets CommandLineUtils write help text through the tool's stdout console.</summary>
internal sealed class SpectreTextWriter(ToolConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Out.Write(value.ToString());

    public override void Write(string? value)
    {
        if (value is not null)
            console.Out.Write(value);
    }

    public override void WriteLine(string? value) => console.Out.WriteLine(value ?? "");
}
