using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Remote;

/// <summary>
/// Sits just above the socket and records every exchange, and bounds what is read of any answer:
/// an error body to <see cref="MaxErrorBodyBytes"/> (enough for its code), any other body to
/// <see cref="MaxBodyBytes"/> (the document limit), so a hostile or broken service cannot make this
/// tool buffer hundreds of megabytes. Failures are classified from what was recorded here, not from
/// the MinIO SDK's exception types, which are inconsistent.
/// </summary>
public sealed partial class S3ExchangeRecorder : DelegatingHandler
{
    /// <summary>What is read of an error answer's body.</summary>
    public const int MaxErrorBodyBytes = 8 * 1024;

    /// <summary>What is read of any other body: the size limit of a config document.</summary>
    public const int MaxBodyBytes = ConfigDocument.MaxBytes;

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

    /// <summary>Where the exchange of a request is left on the request itself, for its sender.</summary>
    public static readonly HttpRequestOptionsKey<S3Exchange> ExchangeKey = new("start-claude-exchange");

    /// <summary>Called with each exchange as it completes (for <c>--verbose</c>).</summary>
    public Action<S3Exchange>? OnExchange { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;

        string? errorCode = null;
        string? bodyRegion = null;
        if (status >= 300 && response.Content is not null)
        {
            // Read the start of the error body once to learn its code, then hand on that copy only.
            var body = await ReadPrefixAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            if (body.Length > 0)
                (errorCode, bodyRegion) = ErrorElements(body);
            response.Content = Copy(response.Content, body);
        }
        else if (response.Content is not null && request.Method != HttpMethod.Head)
        {
            var original = response.Content;
            var bounded = new StreamContent(new BoundedReadStream(await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), MaxBodyBytes));
            foreach (var header in original.Headers)
                bounded.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = bounded;
        }

        var exchange = new S3Exchange(
            request.Method.Method,
            request.RequestUri?.AbsolutePath ?? "",
            status,
            response.Headers.ETag?.Tag ?? HeaderValue(response.Headers, "ETag"),
            errorCode,
            HeaderValue(response.Headers, "x-amz-request-id"),
            clock.Elapsed,
            response.Content?.Headers.ContentLength,
            HeaderValue(response.Headers, RemoteDocumentStore.ChecksumHeader),
            response.Content?.Headers.LastModified,
            status is >= 300 and < 400 ? response.Headers.Location?.ToString() : null,
            HeaderValue(response.Headers, "x-amz-bucket-region") ?? bodyRegion,
            response.Headers.Date);
        // The request carries its own exchange back to whoever sent it: the last one recorded may be another's.
        request.Options.Set(ExchangeKey, exchange);
        lock (_gate)
            _exchanges.Add(exchange);
        OnExchange?.Invoke(exchange);
        return response;
    }

    private static async Task<byte[]> ReadPrefixAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[limit];
        var filled = 0;
        try
        {
            int read;
            while (filled < limit && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                filled += read;
        }
        catch (IOException)
        {
            // An error body cut short still says what it said so far.
        }
        content.Dispose();
        return buffer[..filled];
    }

    private static ByteArrayContent Copy(HttpContent original, byte[] body)
    {
        var copy = new ByteArrayContent(body);
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }

    private static string? HeaderValue(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    // Only a body to search makes the patterns: a 304 (a no-op sync) has none, so Regex is not even loaded.
    private static (string? Code, string? Region) ErrorElements(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return (Element(text, CodeElement()), Element(text, RegionElement()));
    }

    private static string? Element(string body, Regex pattern)
    {
        var match = pattern.Match(body);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex("<Code>([^<]{1,128})</Code>")]
    private static partial Regex CodeElement();

    [GeneratedRegex("<Region>([a-z0-9-]{1,64})</Region>")]
    private static partial Regex RegionElement();
}
