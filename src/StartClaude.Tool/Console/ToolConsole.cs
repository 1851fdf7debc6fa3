using Spectre.Console;

namespace StartClaude.Tool.Console;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, the one-line failure and warnings to
/// <see cref="Error"/>. <see cref="IsInteractive"/> is false whenever stdin is not a terminal,
/// and then nothing may be asked.
/// </summary>
public sealed class ToolConsole(IAnsiConsole output, TextWriter error, bool isInteractive, bool outputIsTerminal)
{
    public ToolConsole(IAnsiConsole output, TextWriter error, bool isInteractive)
        : this(output, error, isInteractive, isInteractive)
    {
    }

    /// <summary>Whether stdout is a terminal a person reads (not a pipe or a file): secrets may be revealed only there.</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    public IAnsiConsole Out { get; } = output;

    public TextWriter Error { get; } = error;

    public bool IsInteractive { get; } = isInteractive;

    public static ToolConsole FromProcess()
    {
        var stdinIsTerminal = !System.Console.IsInputRedirected;
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = stdinIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (System.Console.IsOutputRedirected)
        {
            // Piped output is read by programs: never wrap lines at an imagined 80 columns.
            output.Profile.Width = short.MaxValue;
        }
        return new ToolConsole(output, System.Console.Error, stdinIsTerminal, !System.Console.IsOutputRedirected);
    }

    public void Line(string markup) => Out.MarkupLine(markup);

    public void Plain(string text) => Out.WriteLine(text);

    public void Warn(string text) => Error.WriteLine($"warning: {text}");
}
