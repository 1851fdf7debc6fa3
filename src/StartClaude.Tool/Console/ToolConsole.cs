using Spectre.Console;
using StartClaude.Core.Documents;

namespace StartClaude.Tool.Console;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, the one-line failure and warnings to
/// <see cref="Error"/>. <see cref="IsInteractive"/> is false whenever stdin is not a terminal,
/// and then nothing may be asked.
/// </summary>
public sealed class ToolConsole
{
    private readonly bool _isInteractive;

    // The process console leaves Spectre.Console unloaded until something draws with it (markup, a table,
    // a prompt): plain lines and JSON go straight to stdout, so `start-claude NAME` and `show` never load it.
    // No constructor that runs on that path names a Spectre type, or the JIT would load the assembly anyway.
    // The process's stdout and stderr are set up when first written: a start writes to neither.
    private Func<TextWriter>? _openPlainOut;
    private Func<int?> _terminalWidth = () => null;
    private int? _wrapWidth;
    private bool _wrapWidthKnown;
    private TextWriter? _plainOut;
    private IAnsiConsole? _out;

    public ToolConsole(IAnsiConsole output, TextWriter error, bool isInteractive, bool outputIsTerminal)
        : this(error, isInteractive, outputIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(output);
        _out = output;
        _terminalWidth = outputIsTerminal ? () => output.Profile.Width : () => null;
    }

    public ToolConsole(IAnsiConsole output, TextWriter error, bool isInteractive)
        : this(output, error, isInteractive, isInteractive)
    {
    }

    private ToolConsole(TextWriter error, bool isInteractive, bool outputIsTerminal)
    {
        Error = error is TerminalSafeWriter ? error : new TerminalSafeWriter(error);
        _isInteractive = isInteractive;
        OutputIsTerminal = outputIsTerminal;
    }

    /// <summary>
    /// The terminal's locale is not UTF-8 (<see cref="TerminalCharset"/>): the tool's ellipses, dashes,
    /// spinners and borders are written in ASCII.
    /// </summary>
    public bool AsciiOnly
    {
        get => _asciiOnly;
        set
        {
            // No Spectre type is named here: a start sets this, and must not load Spectre.Console (Out applies it).
            _asciiOnly = value;
            ((TerminalSafeWriter)Error).AsciiOnly = value;
        }
    }

    private bool _asciiOnly;

    /// <summary><paramref name="text"/> as this terminal can show it: in ASCII where the locale is not UTF-8.</summary>
    public string Printable(string text) => _asciiOnly ? AsciiText.From(text) : text;

    /// <summary>Whether stdout is a terminal a person reads (not a pipe or a file): secrets may be revealed only there.</summary>
    public bool OutputIsTerminal { get; }

    public IAnsiConsole Out
    {
        get
        {
            _out ??= CreateProcessConsole(_isInteractive);
            // Spectre then draws ASCII spinners (and Prompts, list, their text in ASCII).
            if (_asciiOnly && _out.Profile.Capabilities.Unicode)
                _out.Profile.Capabilities.Unicode = false;
            return _out;
        }
    }

    private TextWriter? PlainOut => _plainOut ??= _openPlainOut?.Invoke();

    /// <summary>stderr, with control characters from documents escaped in everything written to it.</summary>
    public TextWriter Error { get; }

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
        return new ToolConsole(new TerminalSafeWriter(() => System.Console.Error), stdinIsTerminal, !System.Console.IsOutputRedirected)
        {
            _openPlainOut = () => System.Console.Out,
            _terminalWidth = ProcessTerminalWidth,
            AsciiOnly = !OperatingSystem.IsWindows() && !TerminalCharset.IsUtf8(Environment.GetEnvironmentVariable),
        };
    }

    private const int LeastTerminalWidth = 10;

    // Asked only when a line is written to a terminal: piped output and a start never look up the window.
    private static int? ProcessTerminalWidth()
    {
        if (System.Console.IsOutputRedirected)
            return null;
        try
        {
            return System.Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The terminal's width when stdout is one (plain lines are wrapped at spaces to it), else null.</summary>
    private int? WrapWidth
    {
        get
        {
            if (!_wrapWidthKnown)
            {
                var width = _terminalWidth();
                _wrapWidth = width is null ? null : Math.Max(width.Value, LeastTerminalWidth);
                _wrapWidthKnown = true;
            }
            return _wrapWidth;
        }
    }

    private static IAnsiConsole CreateProcessConsole(bool stdinIsTerminal)
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = stdinIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (System.Console.IsOutputRedirected)
        {
            // Piped output is read by programs: never wrap lines at an imagined 80 columns. The height is
            // given too, so that drawing never asks the console for a window (which loads the terminfo database).
            output.Profile.Width = short.MaxValue;
            output.Profile.Height = short.MaxValue;
        }
        else if (output.Profile.Width < LeastTerminalWidth)
        {
            // Spectre.Console 0.57 never finishes laying out a menu with a wide character on a terminal
            // 2 columns wide: below this, draw as if it were this wide and let the terminal wrap.
            output.Profile.Width = LeastTerminalWidth;
        }
        return output;
    }

    public void Line(string markup)
    {
        if (!JsonMode)
            Out.MarkupLine(markup);
    }

    public void Plain(string text)
    {
        if (JsonMode)
            return;
        text = Printable(TerminalText.Escape(text, keepNewlines: true));
        if (WrapWidth is { } width)
            text = WordWrap.Lines(text, width);
        if (PlainOut is { } plain)
            plain.WriteLine(text);
        else
            WriteWithSpectre(text);
    }

    // Apart, so that compiling Plain does not resolve (and load) Spectre.Console.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void WriteWithSpectre(string text) => Out.WriteLine(text);

    /// <summary>The one machine-readable object of a <c>--json</c> run, on one line.</summary>
    public void WriteJson(System.Text.Json.Nodes.JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writer = PlainOut ?? SpectreWriter();
        writer.WriteLine(result.ToJsonString(JsonOutput.Options));
        writer.Flush();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private TextWriter SpectreWriter() => Out.Profile.Out.Writer;

    public void Warn(string text) => Error.WriteLine($"warning: {text}");

    private List<string>? _onSuccess;

    /// <summary>
    /// A warning about something done on the way that is shown only once the command succeeds (or is about
    /// to start Claude Code): a failing command says one thing, its error.
    /// </summary>
    public void WarnOnSuccess(string text) => (_onSuccess ??= []).Add(text);

    /// <summary>Writes the warnings kept by <see cref="WarnOnSuccess"/>, once.</summary>
    public void WriteWarningsKeptForSuccess()
    {
        if (_onSuccess is not { } kept)
            return;
        _onSuccess = null;
        foreach (var text in kept)
            Warn(text);
    }
}
