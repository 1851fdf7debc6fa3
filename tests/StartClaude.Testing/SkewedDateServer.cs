using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StartClaude.Testing;

/// <summary>
/// A loopback HTTP server whose clock is off: it answers every request 403 AccessDenied with a
/// <c>Date</c> header <see cref="Skew"/> away from now, as a service would to a machine with a wrong clock.
/// </summary>
public sealed class SkewedDateServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SkewedDateServer(TimeSpan skew)
    {
        Skew = skew;
        _listener.Start();
        _loop = LoopbackAcceptor.RunAsync(_listener, AnswerAsync, _stop.Token);
    }

    public TimeSpan Skew { get; }

    public string EndpointUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (read == 0)
                        return;
                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                var isHead = head.ToString().StartsWith("HEAD ", StringComparison.Ordinal);
                const string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
                var date = (DateTimeOffset.UtcNow + Skew).ToString("r", CultureInfo.InvariantCulture);
                var answer = $"HTTP/1.1 403 Forbidden\r\nDate: {date}\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{(isHead ? "" : body)}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
