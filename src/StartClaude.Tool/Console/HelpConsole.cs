using McMaster.Extensions.CommandLineUtils;

namespace StartClaude.Tool.Console;

/// <summary>
/// The console CommandLineUtils writes help and parse errors to. It reports its output as redirected,
/// because CommandLineUtils 2.3.0 otherwise pipes help through `less` on a terminal and blocks.
/// </summary>
internal sealed class HelpConsole(TextWriter output, TextWriter error) : IConsole
{
    public TextWriter Out => output;

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
