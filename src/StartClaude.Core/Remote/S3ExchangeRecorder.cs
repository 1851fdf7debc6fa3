using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace StartClaude.Core.Remote;

/// <summary>
/// Sits under the MinIO client and records every exchange. The MinIO SDK reports failures
/// inconsistently (a 412 can surface as a NullReferenceException), so failures are classified from
/// what this recorder saw on the wire, not from the SDK's exception types.
/// </summary>
public sealed partial class S3ExchangeRecorder : DelegatingHandler
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private readonly List<S3Exchange> _exchanges = [];
    private readonly Lock _gate = new();

    public S3ExchangeRecorder(HttpMessageHandler inner) : base(inner)
    {
    }

    public IReadOnlyList<S3Exchange> Exchanges
    {
        get
        {
            lock (_gate)
                return [.. _exchanges];
        }
    }

    public S3Exchange? Last
    {
        get
        {
            lock (_gate)
                return _exchanges.Count > 0 ? _exchanges[^1] : null;
        }
    }

    /// <summary>Called with each exchange as it completes (for <c>--verbose</c>).</summary>
    public Action<S3Exchange>? OnExchange { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        string? errorCode = null;
        if ((int)response.StatusCode >= 400 && response.Content is not null)
        {
            // Read the error body once to learn its code, then hand MinIO an identical copy.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            errorCode = ErrorCodeOf(body);
            var copy = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = copy;
        }

        var exchange = new S3Exchange(
            request.Method.Method,
            request.RequestUri?.AbsolutePath ?? "",
            (int)response.StatusCode,
            response.Headers.ETag?.Tag ?? HeaderValue(response.Headers, "ETag"),
            errorCode,
            HeaderValue(response.Headers, "x-amz-request-id"),
            clock.Elapsed,
            response.Content?.Headers.ContentLength,
            HeaderValue(response.Headers, RemoteDocumentStore.ChecksumHeader),
            response.Content?.Headers.LastModified);
        lock (_gate)
            _exchanges.Add(exchange);
        OnExchange?.Invoke(exchange);
        return response;
    }

    private static string? HeaderValue(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? ErrorCodeOf(byte[] body)
    {
        if (body.Length == 0)
            return null;
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxErrorBodyBytes));
        var match = CodeElement().Match(text);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex("<Code>([^<]{1,128})</Code>")]
    private static partial Regex CodeElement();
}
