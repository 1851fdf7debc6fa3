using System.Runtime.InteropServices;

namespace StartClaude.Tool.Console;

/// <summary>
/// The keys Console.CancelKeyPress reports, Ctrl-C (SIGINT) and Ctrl-\ (SIGQUIT; Ctrl-Break on Windows),
/// handled through the runtime's signal registration instead: subscribing to CancelKeyPress first sets the
/// console up for reading keys, which cost every start of claude about 1.6 ms for a terminal it hands over.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _quit;

    private InterruptSignals(Action<PosixSignalContext> handler)
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, handler);
        _quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, handler);
    }

    /// <summary>Calls <paramref name="handler"/> on either key until disposed; setting <see cref="PosixSignalContext.Cancel"/> keeps the process running.</summary>
    public static InterruptSignals Handle(Action<PosixSignalContext> handler) => new(handler);

    public void Dispose()
    {
        _interrupt.Dispose();
        _quit.Dispose();
    }
}
