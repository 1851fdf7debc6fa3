using System.Net;
using System.Net.Sockets;

namespace StartClaude.Testing;

/// <summary>A loopback endpoint that accepts every connection and never answers a byte (issue 26 item A).</summary>
public sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;

    public SilentServer()
    {
        _listener.Start();
        _accepting = LoopbackAcceptor.RunAsync(_listener, Hold, _stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string EndpointUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Connections accepted so far.</summary>
    public int Accepted
    {
        get
        {
            lock (_held)
                return _held.Count;
        }
    }

    private Task Hold(TcpClient client)
    {
        lock (_held)
            _held.Add(client);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        lock (_held)
        {
            foreach (var client in _held)
                client.Dispose();
        }
        _stop.Dispose();
    }
}
