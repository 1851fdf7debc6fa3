namespace StartClaude.Core.Remote;

/// <summary>One HTTP request to the service and what came back, as recorded on the wire.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path (path-style: /bucket or /bucket/key), no query.</param>
/// <param name="Status">HTTP status code.</param>
/// <param name="ETag">The ETag header, if any.</param>
/// <param name="ErrorCode">The S3 error code from an error body (for example SignatureDoesNotMatch), if any.</param>
/// <param name="RequestId">The service's request id, for reports.</param>
/// <param name="Elapsed">Time from sending to the response headers and error body.</param>
/// <param name="ContentLength">The Content-Length the service announced, if any.</param>
/// <param name="ContentSha256">The SHA-256 the document was stored with (our own object metadata), if any.</param>
/// <param name="LastModified">The Last-Modified header, if any.</param>
/// <param name="Location">Where a redirect (3xx) pointed, if it said.</param>
/// <param name="BucketRegion">The bucket's region as the service named it (x-amz-bucket-region, or the error body's Region), if it did.</param>
/// <param name="Date">The Date header: the service's clock, if it said.</param>
public sealed record S3Exchange(string Method, string Path, int Status, string? ETag, string? ErrorCode, string? RequestId, TimeSpan Elapsed, long? ContentLength = null, string? ContentSha256 = null, DateTimeOffset? LastModified = null, string? Location = null, string? BucketRegion = null, DateTimeOffset? Date = null);
