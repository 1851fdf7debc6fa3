using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StartClaude.Testing;

/// <summary>
/// A loopback HTTP server that records every request it receives (request line, headers, body
/// size) and answers each with one <see cref="CannedResponse"/>, then closes the connection. As a
/// sink it proves nothing reached it; as a redirector or a hostile service it answers what a test
/// needs (a 307, a 301 PermanentRedirect, a 300 MB error body, a 5 GiB Content-Length).
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    public RecordingHttpServer(CannedResponse response)
        : this(_ => response)
    {
    }

    /// <param name="answer">The answer to each request, by what was asked.</param>
    public RecordingHttpServer(Func<RecordedRequest, CannedResponse> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = LoopbackAcceptor.RunAsync(_listener, HandleAsync, _stop.Token);
    }

    private readonly Func<RecordedRequest, CannedResponse> _answer;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string EndpointUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    /// <summary>Bytes of response body written so far (a client that stops reading stops this).</summary>
    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    private long _bodyBytesSent;

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await HttpHead.ReadRequestAsync(stream, _stop.Token).ConfigureAwait(false);
                if (request is null)
                    return;
                lock (_gate)
                    _requests.Add(request);
                await AnswerAsync(stream, _answer(request)).ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away: for a hostile body, that is the point.
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream, CannedResponse response)
    {
        var body = response.Body is null ? null : Encoding.UTF8.GetBytes(response.Body);
        var length = response.AnnouncedLength ?? body?.Length ?? response.BodyBytes;
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {response.Reason}\r\n")
            .Append(length < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n"))
            .Append("Content-Type: application/xml\r\nConnection: close\r\n");
        foreach (var (name, value) in response.Headers)
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        head.Append("\r\n");
        // Latin-1: a hostile header may hold bytes above 127 (an ETag no service sends).
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), _stop.Token).ConfigureAwait(false);
        if (body is not null)
        {
            await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
            return;
        }
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (long sent = 0; sent < response.BodyBytes;)
        {
            var count = (int)Math.Min(chunk.Length, response.BodyBytes - sent);
            await stream.WriteAsync(chunk.AsMemory(0, count), _stop.Token).ConfigureAwait(false);
            sent += count;
            Interlocked.Add(ref _bodyBytesSent, count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _stop.Dispose();
    }
}
