using System.Net;
using System.Net.Http.Headers;

namespace StartClaude.Core.Remote;

/// <summary>
/// The MinIO SDK (7.0.0) sends a HEAD of the bucket before every stat, and a stat (HEAD of the
/// object) before every GET; no setting turns them off. The GET itself answers both questions (a
/// missing bucket or object is its own 404 with an error code), so around a read this handler
/// answers those preflight HEADs here, without a round trip, and only the GET reaches the wire.
/// The SDK still builds, signs and sends that GET; nothing else is changed.
/// </summary>
public sealed class SdkPreflightShortcut(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly AsyncLocal<Scope?> _scope = new();

    public enum Scope
    {
        /// <summary>Answer the bucket HEAD only (a stat then costs one HEAD).</summary>
        Bucket,

        /// <summary>Answer the bucket and object HEADs (a GET then costs one GET).</summary>
        BucketAndObject,
    }

    /// <summary>Answers preflight HEADs until disposed (in this async flow only).</summary>
    public IDisposable Answer(Scope scope)
    {
        var previous = _scope.Value;
        _scope.Value = scope;
        return new Restore(() => _scope.Value = previous);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_scope.Value is { } scope && request.Method == HttpMethod.Head && request.RequestUri is { } uri
            && string.IsNullOrEmpty(uri.Query))
        {
            var segments = uri.AbsolutePath.Trim('/').Split('/', 2);
            var bucketOnly = segments.Length == 1 || segments[1].Length == 0;
            if (bucketOnly || scope == Scope.BucketAndObject)
                return Task.FromResult(Answered(request, bucketOnly));
        }
        return base.SendAsync(request, cancellationToken);
    }

    // What the SDK needs to go on: a success, and for an object the headers its stat parses.
    // The caller takes size, ETag and time from the GET's own response, never from these.
    private static HttpResponseMessage Answered(HttpRequestMessage request, bool bucket)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent([]) };
        if (!bucket)
        {
            response.Headers.ETag = new EntityTagHeaderValue("\"preflight\"");
            response.Content.Headers.LastModified = DateTimeOffset.UnixEpoch;
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }
        return response;
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
