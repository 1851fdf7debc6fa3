using McMaster.Extensions.CommandLineUtils;

namespace StartClaude.Tool.Console;

/// <summary>
/// The console CommandLineUtils writes help and parse errors to. It reports its output as redirected,
/// because CommandLineUtils 2.3.0 otherwise pipes help through `less` on a terminal and blocks.
/// </summary>
internal sealed class HelpConsole(TextWriter output, TextWriter error) : IConsole
{
    // CommandLineUtils prints "Specify --help ..." on stdout before a parse error; our one-line error
    // on stderr already says so, and stdout must stay clean (--json).
    public TextWriter Out { get; } = new HintDroppingWriter(output);

    public TextWriter Error => error;

    public TextReader In => TextReader.Null;

    public bool IsInputRedirected => true;

    public bool IsOutputRedirected => true;

    public bool IsErrorRedirected => true;

    public ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public event ConsoleCancelEventHandler? CancelKeyPress
    {
        add { }
        remove { }
    }

    public void ResetColor()
    {
    }
}

internal sealed class HintDroppingWriter(TextWriter inner) : TextWriter
{
    private const string Hint = "Specify --help for a list of available options and commands.";

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value);

    public override void WriteLine(string? value)
    {
        if (value != Hint)
            inner.WriteLine(value);
    }

    public override void Flush() => inner.Flush();
}
