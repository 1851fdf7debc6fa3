using System.Net.Sockets;

namespace StartClaude.Testing;

/// <summary>The accept loop every loopback test server shares: each connection handed off, until stopped.</summary>
public static class LoopbackAcceptor
{
    public static async Task RunAsync(TcpListener listener, Func<TcpClient, Task> handle, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(handle);
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = handle(client);
        }
    }
}
