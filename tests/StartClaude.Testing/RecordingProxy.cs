using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StartClaude.Testing;

/// <summary>
/// A loopback forward HTTP proxy (what HTTP_PROXY points at): it records each request's
/// absolute-form request line and Proxy-Authorization, forwards the request to its target on
/// loopback only, and relays the answer. One request per connection (it asks for Connection: close).
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    public RecordingProxy()
    {
        _listener.Start();
        _ = LoopbackAcceptor.RunAsync(_listener, HandleAsync, _stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var from = client.GetStream();
                var head = await HttpHead.ReadHeadAsync(from, _stop.Token).ConfigureAwait(false);
                if (head is null)
                    return;
                var lines = head.Split("\r\n");
                var parts = lines[0].Split(' ');
                var target = new Uri(parts[1]);
                if (!IPAddress.TryParse(target.Host, out var address) || !IPAddress.IsLoopback(address))
                    throw new IOException("this proxy forwards to loopback only");
                var headers = lines[1..].Where(h => !h.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !h.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)).ToList();
                var request = new RecordedRequest(lines[0], lines[1..], 0);
                using var server = new TcpClient();
                await server.ConnectAsync(address, target.Port, _stop.Token).ConfigureAwait(false);
                var to = server.GetStream();
                var forwarded = $"{parts[0]} {target.PathAndQuery} {parts[2]}\r\n{string.Join("\r\n", headers)}\r\nConnection: close\r\n\r\n";
                await to.WriteAsync(Encoding.UTF8.GetBytes(forwarded), _stop.Token).ConfigureAwait(false);
                var length = long.TryParse(request.Header("Content-Length"), out var l) ? l : 0;
                var buffer = new byte[64 * 1024];
                for (var remaining = length; remaining > 0;)
                {
                    var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), _stop.Token).ConfigureAwait(false);
                    if (read == 0)
                        break;
                    await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
                    remaining -= read;
                }
                lock (_gate)
                    _requests.Add(request with { BodyBytes = length });
                await to.CopyToAsync(from, _stop.Token).ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or UriFormatException or ObjectDisposedException)
            {
                // A broken exchange ends this connection only.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _stop.Dispose();
    }
}
