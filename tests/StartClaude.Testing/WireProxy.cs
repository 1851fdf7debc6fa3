using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace StartClaude.Testing;

/// <summary>What the proxy can do to a request instead of forwarding it.</summary>
public enum Fault
{
    /// <summary>Close the connection without an answer.</summary>
    CloseWithoutAnswer,
    /// <summary>Reset the connection (TCP RST).</summary>
    Reset,
    /// <summary>Never answer.</summary>
    Stall,
    /// <summary>Answer 200 with a Content-Length the body never reaches, then close.</summary>
    TruncateBody,
    /// <summary>Answer 500 InternalError.</summary>
    ServerError500,
    /// <summary>Answer 503 SlowDown.</summary>
    SlowDown503,
    /// <summary>Answer 200 with a valid document whose stored checksum does not match it.</summary>
    WrongChecksum,
    /// <summary>Forward the request, let the server answer (the write lands), then reset the connection instead of relaying the answer.</summary>
    ResetAfterLanding,
    /// <summary>Forward the request, let the server answer (the write lands), then never relay the answer.</summary>
    StallAfterLanding,
    /// <summary>Answer 403 AccessDenied.</summary>
    AccessDenied403,
}

/// <summary>
/// A loopback TCP proxy between the tool and an S3 server. It keeps every request line and header
/// the tool sent (a wire trace), can hold one chosen request until a callback has run — which is
/// how a test makes another device write at a precise moment of a sync — and can answer chosen
/// requests with a fault instead of forwarding them.
/// </summary>
public sealed class WireProxy : IAsyncDisposable
{
    private (Fault Fault, string Prefix, int Remaining)? _fault;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _holdGate = new(1, 1);
    private Func<string, int, bool>? _holdWhen;
    private Func<Task>? _onHold;
    private readonly Dictionary<string, int> _seen = [];

    public WireProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = LoopbackAcceptor.RunAsync(_listener, HandleAsync, _stop.Token);
    }

    public string EndpointUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Request heads (request line and headers) in the order they were sent.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    /// <summary>
    /// Before forwarding the first request whose request line starts with <paramref name="requestLinePrefix"/>
    /// for the <paramref name="occurrence"/>-th time from now, runs <paramref name="callback"/> (once).
    /// </summary>
    public void HoldOnce(string requestLinePrefix, int occurrence, Func<Task> callback)
    {
        lock (_gate)
            _seen.Clear();
        _holdWhen = (line, count) => line.StartsWith(requestLinePrefix, StringComparison.Ordinal) && count == occurrence;
        _onHold = callback;
    }

    public bool HoldFired { get; private set; }

    /// <summary>Answers the next <paramref name="times"/> requests whose request line starts with <paramref name="requestLinePrefix"/> with <paramref name="fault"/>.</summary>
    public void Inject(Fault fault, string requestLinePrefix, int times)
    {
        lock (_gate)
            _fault = (fault, requestLinePrefix, times);
    }

    public int FaultsInjected { get; private set; }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token).ConfigureAwait(false);
                var onAnswer = new StrongBox<Fault?>();
                var up = PumpRequestsAsync(client, server.GetStream(), onAnswer);
                var down = RelayAnswersAsync(server.GetStream(), client, onAnswer);
                await Task.WhenAny(up, down).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    // Forwards client bytes, noting each request head. HttpClient writes a head in one piece, so a
    // chunk that starts with a method name starts a request.
    // Server to client; when a request asked for it, the first bytes of the answer reset the client instead.
    private async Task RelayAnswersAsync(Stream from, TcpClient client, StrongBox<Fault?> onAnswer)
    {
        var to = client.GetStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
        {
            if (onAnswer.Value == Fault.StallAfterLanding)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                return;
            }
            if (onAnswer.Value == Fault.ResetAfterLanding)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return;
            }
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
        }
    }

    private async Task PumpRequestsAsync(TcpClient client, Stream to, StrongBox<Fault?> onAnswer)
    {
        var from = client.GetStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
        {
            var text = Encoding.ASCII.GetString(buffer, 0, Math.Min(read, 8192));
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd > 0 && LooksLikeRequest(text))
            {
                var head = text[..headEnd];
                var requestLine = head.Split("\r\n")[0];
                int count;
                lock (_gate)
                {
                    _requests.Add(head);
                    var key = requestLine;
                    _seen[key] = count = _seen.GetValueOrDefault(key) + 1;
                }
                await MaybeHoldAsync(requestLine, count).ConfigureAwait(false);
                if (TakeFault(requestLine) is { } fault)
                {
                    if (fault is Fault.ResetAfterLanding or Fault.StallAfterLanding)
                    {
                        onAnswer.Value = fault;
                        await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
                        continue;
                    }
                    await ApplyAsync(fault, client).ConfigureAwait(false);
                    return;
                }
            }
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
        }
    }

    private Fault? TakeFault(string requestLine)
    {
        lock (_gate)
        {
            if (_fault is not { } f || f.Remaining <= 0 || !requestLine.StartsWith(f.Prefix, StringComparison.Ordinal))
                return null;
            _fault = f with { Remaining = f.Remaining - 1 };
            FaultsInjected++;
            return f.Fault;
        }
    }

    private async Task ApplyAsync(Fault fault, TcpClient client)
    {
        var stream = client.GetStream();
        switch (fault)
        {
            case Fault.Reset:
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return;
            case Fault.Stall:
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                return;
            case Fault.CloseWithoutAnswer:
                client.Client.Shutdown(SocketShutdown.Both);
                return;
            case Fault.TruncateBody:
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\nETag: \"0123456789abcdef\"\r\nConnection: close\r\n\r\n{\"configs\":[{\"name\":").ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Both);
                return;
            case Fault.WrongChecksum:
                const string body = "{\"configs\":[{\"name\":\"tampered\"}]}";
                await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nETag: \"0123456789abcdef\"\r\nx-amz-meta-start-claude-sha256: {new string('0', 64)}\r\nConnection: close\r\n\r\n{body}").ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Both);
                return;
            default:
                var (status, code) = fault switch
                {
                    Fault.SlowDown503 => ("503 Slow Down", "SlowDown"),
                    Fault.AccessDenied403 => ("403 Forbidden", "AccessDenied"),
                    _ => ("500 Internal Server Error", "InternalError"),
                };
                var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>injected</Message></Error>";
                await WriteAsync(stream, $"HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {xml.Length}\r\nConnection: close\r\n\r\n{xml}").ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Both);
                return;
        }
    }

    private async Task WriteAsync(Stream stream, string text) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).ConfigureAwait(false);

    private async Task MaybeHoldAsync(string requestLine, int count)
    {
        if (_holdWhen is null || HoldFired)
            return;
        await _holdGate.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            if (!HoldFired && _holdWhen(requestLine, count))
            {
                HoldFired = true;
                await _onHold!().ConfigureAwait(false);
            }
        }
        finally
        {
            _holdGate.Release();
        }
    }

    private static bool LooksLikeRequest(string text) =>
        text.StartsWith("GET ", StringComparison.Ordinal) || text.StartsWith("PUT ", StringComparison.Ordinal)
        || text.StartsWith("HEAD ", StringComparison.Ordinal) || text.StartsWith("POST ", StringComparison.Ordinal)
        || text.StartsWith("DELETE ", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _stop.Dispose();
        _holdGate.Dispose();
    }
}
