using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace StartClaude.Core.Remote;

/// <summary>
/// The transport: one HTTP request per call for one object, path-style, its URI in SigV4's canonical
/// form (signed below by <see cref="S3RequestSigning"/>), no redirect followed, every body bounded.
/// The MinIO SDK sent extra HEADs before each GET and stat, refused keys over 512 characters and
/// signed some keys wrongly (a '+' in a listing's prefix became a space); every request that names the
/// object, and the few bucket-level ones the tool needs, are simple enough to build here. Each answer
/// carries the exchange its own request made (<see cref="S3ExchangeRecorder.ExchangeKey"/>).
/// </summary>
public sealed class S3Wire(HttpClient http, Uri endpoint, string bucket)
{
    /// <summary>Where requests go: scheme, host and port.</summary>
    public Uri BaseUri => endpoint;

    /// <summary>The URL of <paramref name="key"/> in the bucket.</summary>
    public Uri ObjectUri(string key) => new($"{endpoint.GetLeftPart(UriPartial.Authority)}{S3UriEncoding.ObjectPath(bucket, key)}");

    /// <summary>The URL of the bucket itself, path-style.</summary>
    public Uri BucketUri => new($"{endpoint.GetLeftPart(UriPartial.Authority)}/{S3UriEncoding.Encode(bucket)}");

    /// <summary>
    /// One page of ListObjectVersions for the keys starting with <paramref name="prefix"/>, after
    /// <paramref name="keyMarker"/>/<paramref name="versionIdMarker"/> when given; the body is read up to <paramref name="maxBytes"/>.
    /// </summary>
    public Task<S3Answer> ListVersionsAsync(string prefix, int maxKeys, string? keyMarker, string? versionIdMarker, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var query = $"versions=&prefix={S3UriEncoding.Encode(prefix)}&max-keys={maxKeys.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        if (keyMarker is not null)
            query += $"&key-marker={S3UriEncoding.Encode(keyMarker)}";
        if (versionIdMarker is not null)
            query += $"&version-id-marker={S3UriEncoding.Encode(versionIdMarker)}";
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri($"{BucketUri}?{query}")), maxBytes, cancellationToken);
    }

    /// <summary>GetBucketVersioning; the body is read up to <paramref name="maxBytes"/>.</summary>
    public Task<S3Answer> GetBucketVersioningAsync(long maxBytes, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri($"{BucketUri}?versioning=")), maxBytes, cancellationToken);

    /// <summary>PutBucketVersioning with Status Enabled (S3 asks for its Content-MD5).</summary>
    public Task<S3Answer> EnableBucketVersioningAsync(CancellationToken cancellationToken)
    {
        var body = "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>Enabled</Status></VersioningConfiguration>"u8.ToArray();
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"{BucketUri}?versioning=")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
#pragma warning disable CA5351 // S3's integrity header for this request, not a security use.
        request.Content.Headers.ContentMD5 = MD5.HashData(body);
#pragma warning restore CA5351
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", Convert.ToHexStringLower(SHA256.HashData(body)));
        return SendAsync(request, readBody: null, cancellationToken);
    }

    /// <summary>An unsigned HEAD of the bucket: any answer proves the endpoint, and its Date tells the service's clock.</summary>
    public Task<S3Answer> AnonymousBucketHeadAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Head, BucketUri);
        request.Options.Set(S3RequestSigning.Anonymous, true);
        return SendAsync(request, readBody: null, cancellationToken);
    }

    /// <summary>A HEAD of the object: headers only.</summary>
    public Task<S3Answer> HeadAsync(string key, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Head, ObjectUri(key)), readBody: null, cancellationToken);

    /// <summary>A GET of the object, with If-None-Match when <paramref name="ifNoneMatch"/> is given; a 2xx body is read up to <paramref name="maxBytes"/>.</summary>
    public Task<S3Answer> GetAsync(string key, string? ifNoneMatch, long maxBytes, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ObjectUri(key));
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return SendAsync(request, maxBytes, cancellationToken);
    }

    /// <summary>A GET of one version of the object (<c>?versionId=</c>); a 2xx body is read up to <paramref name="maxBytes"/>.</summary>
    public Task<S3Answer> GetVersionAsync(string key, string versionId, long maxBytes, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, VersionUri(key, versionId)), maxBytes, cancellationToken);

    /// <summary>A HEAD of one version of the object: headers only, its x-amz-meta-* in <see cref="S3Answer.Metadata"/>.</summary>
    public Task<S3Answer> HeadVersionAsync(string key, string versionId, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Head, VersionUri(key, versionId)), readBody: null, cancellationToken);

    /// <summary>A DELETE of one version of the object: gone for good (not a delete marker).</summary>
    public Task<S3Answer> DeleteVersionAsync(string key, string versionId, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, VersionUri(key, versionId)), readBody: null, cancellationToken);

    /// <summary>A DELETE of the object's current version (on a versioned bucket a delete marker: older versions stay).</summary>
    public Task<S3Answer> DeleteAsync(string key, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, ObjectUri(key)), readBody: null, cancellationToken);

    private Uri VersionUri(string key, string versionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionId);
        return new Uri($"{ObjectUri(key)}?versionId={S3UriEncoding.Encode(versionId)}");
    }

    /// <summary>A PUT of <paramref name="content"/> under <paramref name="condition"/>, with <paramref name="metadata"/> as x-amz-meta-* headers. The answer's body is never read.</summary>
    public Task<S3Answer> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var request = new HttpRequestMessage(HttpMethod.Put, ObjectUri(key)) { Content = new ReadOnlyMemoryContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentLength = content.Length;
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", Convert.ToHexStringLower(SHA256.HashData(content.Span)));
        foreach (var (name, value) in metadata)
            request.Headers.TryAddWithoutValidation(name, value);
        switch (condition)
        {
            case WriteCondition.MustMatch match:
                request.Headers.TryAddWithoutValidation("If-Match", match.ETag);
                break;
            case WriteCondition.MustNotExist:
                request.Headers.TryAddWithoutValidation("If-None-Match", "*");
                break;
        }
        return SendAsync(request, readBody: null, cancellationToken);
    }

    /// <summary>An unsigned HEAD of the object: whether anyone can read it.</summary>
    public Task<S3Answer> AnonymousHeadAsync(string key, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Head, ObjectUri(key));
        request.Options.Set(S3RequestSigning.Anonymous, true);
        return SendAsync(request, readBody: null, cancellationToken);
    }

    private async Task<S3Answer> SendAsync(HttpRequestMessage request, long? readBody, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!request.Options.TryGetValue(S3ExchangeRecorder.ExchangeKey, out var exchange))
                throw new InvalidOperationException("the exchange was not recorded");
            var metadata = MetadataOf(response);
            if (readBody is not { } limit || (int)response.StatusCode is < 200 or >= 300)
                return new S3Answer(exchange) { Metadata = metadata };
            if (response.Content.Headers.ContentLength > limit)
                throw new ResponseTooLargeException(limit);
            byte[] body;
            try
            {
                body = await ReadAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is (IOException and not ResponseTooLargeException) or HttpRequestException)
            {
                throw new S3TransportException(exchange, ex);
            }
            return new S3Answer(exchange, body) { Metadata = metadata };
        }
    }

    /// <summary>Most x-amz-meta-* headers kept from one answer, and the longest value kept: hostile input stays bounded.</summary>
    private const int MaxMetadata = 32;

    private const int MaxMetadataValue = 1024;

    private static Dictionary<string, string> MetadataOf(HttpResponseMessage response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            if (metadata.Count >= MaxMetadata)
                break;
            if (!name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
                continue;
            var value = string.Join(',', values);
            metadata[name] = value.Length > MaxMetadataValue ? value[..MaxMetadataValue] : value;
        }
        return metadata;
    }

    private static async Task<byte[]> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        using var buffer = new MemoryStream(announced is { } length and <= int.MaxValue ? (int)length : 0);
        using var source = new BoundedReadStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), limit);
        await source.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
