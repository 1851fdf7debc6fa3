using System.Runtime.InteropServices;

namespace StartClaude.Tool.Console;

/// <summary>
/// Ctrl-C while the tool asks or waits on a terminal: shows the cursor again (menus and the spinner hide it),
/// clears the spinner's line, says "cancelled; nothing was changed" once on stderr, and lets the runtime end
/// the process as interrupted — it restores the terminal modes first, and the shell sees exit status 130.
/// Nothing is written before every question is answered, so an interrupt there changes nothing.
/// While claude runs (<see cref="Pause"/>) Ctrl-C belongs to claude: this says nothing and keeps the process waiting for it.
/// </summary>
internal sealed class CancelKeyCleanup : IDisposable
{
    public const string Message = "cancelled; nothing was changed";

    private const string ShowCursor = "\u001b[?25h";
    private const string ClearLine = "\r\u001b[2K";

    // Spectre's live display (0.57) leaves the cursor on the line below the spinner: clear it, go up, clear the spinner.
    private const string ClearSpinner = ClearLine + "\u001b[1A" + ClearLine;

    private static int Paused;

    private static int Spinning;

    private readonly ToolConsole _console;

    private readonly InterruptSignals _signals;

    private CancelKeyCleanup(ToolConsole console)
    {
        _console = console;
        _signals = InterruptSignals.Handle(OnInterrupt);
    }

    public static CancelKeyCleanup Install(ToolConsole console) => new(console);

    /// <summary>Hands Ctrl-C to a child process until the result is disposed.</summary>
    public static IDisposable Pause()
    {
        Interlocked.Increment(ref Paused);
        return new Scope(() => Interlocked.Decrement(ref Paused));
    }

    /// <summary>A spinner is on the current line until the result is disposed: Ctrl-C clears that line.</summary>
    public static IDisposable WhileSpinning()
    {
        Interlocked.Increment(ref Spinning);
        return new Scope(() => Interlocked.Decrement(ref Spinning));
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        if (Volatile.Read(ref Paused) > 0)
        {
            // The child's: this process goes on waiting for it.
            context.Cancel = true;
            return;
        }
        if (_console.OutputIsTerminal)
        {
            // A menu stays on screen (the message goes below it); a spinner's line is cleared.
            var spinning = Volatile.Read(ref Spinning) > 0;
            System.Console.Out.Write(!_console.Out.Profile.Capabilities.Ansi ? Environment.NewLine
                : spinning ? ShowCursor + ClearSpinner
                : ShowCursor + Environment.NewLine);
            System.Console.Out.Flush();
        }
        _console.Error.WriteLine(Message);
        _console.Error.Flush();
        // Not cancelled: the runtime restores the terminal's modes and ends the process by SIGINT (status 130).
        context.Cancel = false;
    }

    public void Dispose() => _signals.Dispose();

    private sealed class Scope(Action end) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                end();
        }
    }
}
