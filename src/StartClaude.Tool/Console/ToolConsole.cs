using Spectre.Console;

namespace StartClaude.Tool.Console;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, the one-line failure and warnings to
/// <see cref="Error"/>. <see cref="IsInteractive"/> is false whenever stdin is not a terminal,
/// and then nothing may be asked.
/// </summary>
public sealed class ToolConsole(IAnsiConsole output, TextWriter error, bool isInteractive, bool outputIsTerminal)
{
    private readonly bool _isInteractive = isInteractive;

    public ToolConsole(IAnsiConsole output, TextWriter error, bool isInteractive)
        : this(output, error, isInteractive, isInteractive)
    {
    }

    /// <summary>Whether stdout is a terminal a person reads (not a pipe or a file): secrets may be revealed only there.</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    public IAnsiConsole Out { get; } = output;

    /// <summary>stderr, with control characters from documents escaped in everything written to it.</summary>
    public TextWriter Error { get; } = error is TerminalSafeWriter ? error : new TerminalSafeWriter(error);

    /// <summary>False without a terminal on stdin, and with <c>--json</c>: a program reading JSON answers no questions.</summary>
    public bool IsInteractive => _isInteractive && !JsonMode;

    /// <summary>
    /// With <c>--json</c>: the human-readable lines are not written, so stdout holds only the one JSON
    /// object <see cref="WriteJson"/> writes. Warnings and errors still go to stderr.
    /// </summary>
    public bool JsonMode { get; set; }

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

    public void Line(string markup)
    {
        if (!JsonMode)
            Out.MarkupLine(markup);
    }

    public void Plain(string text)
    {
        if (!JsonMode)
            Out.WriteLine(TerminalText.Escape(text, keepNewlines: true));
    }

    /// <summary>The one machine-readable object of a <c>--json</c> run, on one line.</summary>
    public void WriteJson(System.Text.Json.Nodes.JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Out.Profile.Out.Writer.WriteLine(result.ToJsonString(JsonOutput.Options));
        Out.Profile.Out.Writer.Flush();
    }

    public void Warn(string text) => Error.WriteLine($"warning: {text}");
}
