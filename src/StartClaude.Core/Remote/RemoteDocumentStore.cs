using System.Security.Cryptography;
using Minio;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Remote;

/// <summary>
/// The remote document: one object in one bucket, read, stat'ed and written with one request each
/// (<see cref="S3Wire"/>), retried by the one <see cref="RetryPolicy"/> through <see cref="RemoteCallRunner"/>, every failure classified by
/// <see cref="RemoteFailureClassifier"/> into a <see cref="RemoteStoreException"/>.
/// </summary>
public sealed class RemoteDocumentStore : Sync.IRemoteDocument
{
    /// <summary>Object metadata holding the SHA-256 of the document as uploaded, checked on download and after an uncertain write.</summary>
    public const string ChecksumHeader = "x-amz-meta-start-claude-sha256";

    /// <summary>Attempts per request for transient failures (5xx, throttling, a broken connection).</summary>
    public const int MaxAttempts = RetryPolicy.DefaultAttempts;

    private readonly S3Wire _wire;
    private readonly S3SyncSettings _settings;
    private readonly TimeSpan _timeout;
    private readonly RemoteCallRunner _runner;
    private readonly ForbiddenDiagnosis _diagnosis;
    private readonly LandedWriteCheck _landed;

    private readonly SdkClient _sdk;

    public RemoteDocumentStore(SdkClient sdk, S3Wire wire, S3ExchangeRecorder recorder, S3SyncSettings settings, string endpoint, TimeSpan timeout, ProxySettings? proxy = null, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _sdk = sdk;
        _wire = wire;
        Recorder = recorder;
        _settings = settings;
        Endpoint = endpoint;
        _timeout = timeout;
        Proxy = proxy?.Display;
        _diagnosis = new ForbiddenDiagnosis(token => _wire.GetAsync(settings.Key, null, ConfigDocument.MaxBytes, token), timeout);
        _landed = new LandedWriteCheck(token => _wire.HeadAsync(settings.Key, token), timeout);
        _runner = new RemoteCallRunner(new RemoteFailureContext(endpoint, settings.Bucket, settings.Key, settings.AccessKeyId, timeout, proxy), _diagnosis, retry ?? RetryPolicy.Default, recorder);
    }

    public S3SyncSettings Settings => _settings;

    /// <summary>The endpoint as a URL, for messages.</summary>
    public string Endpoint { get; }

    /// <summary>Where the store's requests go: scheme, host and port.</summary>
    public Uri BaseUri => _wire.BaseUri;

    /// <summary>The proxy requests go through, credentials masked; null when none.</summary>
    public string? Proxy { get; }

    public S3ExchangeRecorder Recorder { get; }

    /// <summary>How long one request may take before it is a failure (START_CLAUDE_TIMEOUT_SECONDS).</summary>
    public TimeSpan Timeout => _timeout;

    /// <summary>The store's own transport, for the requests beside the document's (<see cref="History.RemoteVersionStore"/>).</summary>
    public S3Wire Wire => _wire;

    /// <summary>The provider's MinIO client, for requests this store does not build itself; its requests are signed on the wire too.</summary>
    public IMinioClient Client => _sdk.Client;

    /// <summary>
    /// Tests the connection and looks for the document: a HEAD, and only when that fails without
    /// saying why, a GET whose error body tells a wrong secret from an unknown key or a missing bucket.
    /// </summary>
    public Task<RemoteObjectInfo?> ProbeAsync(CancellationToken cancellationToken = default) => StatAsync(cancellationToken);

    /// <summary>Size, time and ETag of the remote document, or null when it does not exist.</summary>
    /// <param name="bucketKnown">Kept for callers; a stat is one HEAD either way.</param>
    public Task<RemoteObjectInfo?> StatAsync(CancellationToken cancellationToken = default, bool bucketKnown = false) =>
        _runner.RunAsync("read the document's details", async token =>
        {
            var answer = await _wire.HeadAsync(_settings.Key, token).ConfigureAwait(false);
            if (answer.Status == 404)
            {
                // A HEAD's 404 has no body: a missing bucket and a missing document look alike.
                var diagnosed = await _diagnosis.DiagnoseAsync(answer.Exchange, token).ConfigureAwait(false);
                if (diagnosed.ErrorCode is null or "NoSuchKey")
                    return null;
                throw new S3AnswerException(diagnosed);
            }
            return answer.Status is >= 200 and < 300 ? InfoOf(answer.Exchange) : throw new S3AnswerException(answer.Exchange);
        }, cancellationToken);

    /// <summary>The remote document, or null when it does not exist: one GET on the wire.</summary>
    public async Task<RemoteObject?> ReadAsync(CancellationToken cancellationToken = default) =>
        (await ReadIfChangedAsync(knownETag: null, cancellationToken).ConfigureAwait(false)) switch
        {
            RemoteRead.Changed changed => changed.Object,
            _ => null,
        };

    /// <summary>
    /// One GET, conditional on <paramref name="knownETag"/> (If-None-Match) when given: the document
    /// when it differs, <see cref="RemoteRead.Unchanged"/> when the service answers 304, or
    /// <see cref="RemoteRead.Missing"/>.
    /// </summary>
    public Task<RemoteRead> ReadIfChangedAsync(string? knownETag, CancellationToken cancellationToken = default) =>
        _runner.RunAsync("download the document", async token =>
        {
            S3Answer answer;
            try
            {
                answer = await _wire.GetAsync(_settings.Key, knownETag, ConfigDocument.MaxBytes, token).ConfigureAwait(false);
            }
            catch (ResponseTooLargeException)
            {
                throw new DocumentFormatException($"s3://{_settings.Bucket}/{_settings.Key}, read as a remote document, is more than the {ConfigDocument.MaxBytes / (1024 * 1024)} MiB a config document may be; nothing was changed");
            }
            var get = answer.Exchange;
            switch (get.Status)
            {
                // "Not modified" answers a condition; without one, something on the way (a proxy, a cache) answered instead of the service.
                case 304 when knownETag is null:
                    throw new RemoteStoreException(RemoteFailureKind.Unexpected,
                        $"could not download the document: {_runner.Context.Endpoint} answered 304 Not Modified to a download that asked for no comparison, so it sent no document; a proxy or cache on the way may be answering for the service; nothing was changed");
                case 304:
                    return (RemoteRead)new RemoteRead.Unchanged(new RemoteObjectInfo(-1, get.LastModified, ETagOf(get) ?? knownETag));
                case 404 when get.ErrorCode is null or "NoSuchKey":
                    return new RemoteRead.Missing();
                case < 200 or >= 300:
                    throw new S3AnswerException(get);
            }
            return new RemoteRead.Changed(Verified(answer, "the document", "it was not applied"));
        }, cancellationToken);

    /// <summary>Uploads <paramref name="content"/> under <paramref name="condition"/>; returns the new ETag.</summary>
    /// <param name="writer">Who writes it: sent as object metadata on the same PUT (<see cref="WriterLabel"/>).</param>
    public Task<string?> WriteAsync(ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default, WriterLabel? writer = null) =>
        WriteAsync(content, condition, writer?.Headers(), cancellationToken);

    /// <summary>
    /// Uploads <paramref name="content"/> under <paramref name="condition"/> with extra
    /// <paramref name="metadata"/> (x-amz-meta-* headers); returns the new ETag. A write whose answer
    /// was lost is checked by <see cref="LandedWriteCheck"/> before it is retried or reported.
    /// </summary>
    public async Task<string?> WriteAsync(ReadOnlyMemory<byte> content, WriteCondition condition, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken = default)
    {
        const string action = "upload the document";
        var sha256 = Sha256(content.Span);
        var headers = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase) { [ChecksumHeader] = sha256 };
        return await _runner.Retry.RunAsync(async (attempt, token) =>
        {
            try
            {
                return await _runner.RunOnceAsync(action, async t =>
                {
                    var answer = await _wire.PutAsync(_settings.Key, content, condition, headers, t).ConfigureAwait(false);
                    return answer.Status is >= 200 and < 300 ? ETagOf(answer.Exchange) : throw new S3AnswerException(answer.Exchange);
                }, token).ConfigureAwait(false);
            }
            catch (RemoteStoreException ex) when (LandedWriteCheck.MayHaveLanded(ex.Kind, attempt))
            {
                // Checked before the policy decides on another attempt: a write that landed is a success.
                if (await _landed.LandedAsync(sha256, token).ConfigureAwait(false) is { } landed)
                    return landed;
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads under <paramref name="condition"/>. Where the service ignores conditions
    /// (<paramref name="honoursConditions"/> false), the ETag is read again just before writing
    /// instead, and a document that is not the expected one is refused as a 412 would be.
    /// </summary>
    /// <exception cref="RemoteStoreException">With <see cref="RemoteFailureKind.PreconditionFailed"/> when the document changed.</exception>
    /// <param name="writer">Who writes it: sent as object metadata on the same PUT (<see cref="WriterLabel"/>).</param>
    public async Task<string?> WriteAsync(ReadOnlyMemory<byte> content, WriteCondition condition, bool honoursConditions, CancellationToken cancellationToken = default, WriterLabel? writer = null)
    {
        if (!honoursConditions)
        {
            var now = await StatAsync(cancellationToken, bucketKnown: true).ConfigureAwait(false);
            if (now?.ETag != (condition as WriteCondition.MustMatch)?.ETag)
                throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
                    $"could not upload the document: {_runner.Context.Where} changed while this command ran; nothing was overwritten");
            condition = new WriteCondition.Unconditional();
        }
        return await WriteAsync(content, condition, cancellationToken, writer).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="call"/> with this store's deadline, retries and failure classification: for the
    /// requests beside the document's own (<see cref="History.RemoteVersionStore"/>'s version listing).
    /// </summary>
    internal Task<T> RunAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _runner.RunAsync(action, call, cancellationToken);

    // A whole 2xx body, checked against the length announced and the SHA-256 it was stored with.
    private RemoteObject Verified(S3Answer answer, string what, string outcome)
    {
        var get = answer.Exchange;
        var content = answer.Body ?? [];
        if (get.ContentLength is { } announced && announced != content.Length)
            throw new RemoteStoreException(RemoteFailureKind.Interrupted,
                $"the download from {_runner.Context.Where} was cut short ({content.Length:N0} of {announced:N0} bytes); nothing was changed");
        if (get.ContentSha256 is { Length: > 0 } expected && !string.Equals(expected, Sha256(content), StringComparison.OrdinalIgnoreCase))
            throw new RemoteStoreException(RemoteFailureKind.Corrupted,
                $"{what} downloaded from {_runner.Context.Where} does not match the checksum it was stored with; {outcome}");
        return new RemoteObject(content, new RemoteObjectInfo(content.Length, get.LastModified, ETagOf(get))) { Metadata = answer.Metadata };
    }

    /// <summary>
    /// One version of the document (<paramref name="versionId"/>; "null" names the one from before versioning), bounded
    /// and checked like every read of it; null when the service has no such version.
    /// </summary>
    public Task<RemoteObject?> ReadVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync("download the version", async token =>
        {
            S3Answer answer;
            try
            {
                answer = await _wire.GetVersionAsync(_settings.Key, versionId, ConfigDocument.MaxBytes, token).ConfigureAwait(false);
            }
            catch (ResponseTooLargeException)
            {
                throw new DocumentFormatException($"the version is more than the {ConfigDocument.MaxBytes / (1024 * 1024)} MiB a config document may be; nothing was changed");
            }
            var get = answer.Exchange;
            // NoSuchVersion / NoSuchKey (404), or an id the service cannot read (400 InvalidArgument).
            if (get.Status is 404 or 400 && get.ErrorCode is null or "NoSuchKey" or "NoSuchVersion" or "InvalidArgument")
                return null;
            if (get.Status is < 200 or >= 300)
                throw new S3AnswerException(get);
            return (RemoteObject?)Verified(answer, "the version", "it was not used");
        }, cancellationToken);

    /// <summary>
    /// The x-amz-meta-* of one version: one HEAD; null when there is no such version (404). Any other
    /// failure is thrown: details that could not be read are not "none recorded".
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>?> ReadVersionMetadataAsync(string versionId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync("read a version's details", async token =>
        {
            var answer = await _wire.HeadVersionAsync(_settings.Key, versionId, token).ConfigureAwait(false);
            if (answer.Status == 404)
                return null;
            return answer.Status is >= 200 and < 300 ? answer.Metadata : throw new S3AnswerException(answer.Exchange);
        }, cancellationToken);

    /// <summary>Deletes the object (one DELETE; a missing one is no failure).</summary>
    public Task DeleteAsync(CancellationToken cancellationToken = default) =>
        _runner.RunAsync("delete the object", async token =>
        {
            var answer = await _wire.DeleteAsync(_settings.Key, token).ConfigureAwait(false);
            return answer.Status is >= 200 and < 300 or 404 ? true : throw new S3AnswerException(answer.Exchange);
        }, cancellationToken);

    /// <summary>The x-amz-meta-* of the current document: one HEAD; null when there is none.</summary>
    public Task<IReadOnlyDictionary<string, string>?> ReadMetadataAsync(CancellationToken cancellationToken = default) =>
        _runner.RunAsync("read the document's details", async token =>
        {
            var answer = await _wire.HeadAsync(_settings.Key, token).ConfigureAwait(false);
            if (answer.Status == 404)
                return null;
            return answer.Status is >= 200 and < 300 ? answer.Metadata : throw new S3AnswerException(answer.Exchange);
        }, cancellationToken);

    /// <summary>
    /// One unsigned HEAD of the bucket within the store's deadline, not retried: any answer proves the endpoint
    /// (whatever its status), and its Date tells the service's clock.
    /// </summary>
    /// <exception cref="RemoteStoreException">No answer came (refused, timed out, broken off).</exception>
    public Task<S3Exchange> ReachAsync(CancellationToken cancellationToken = default) =>
        _runner.RunOnceAsync("reach the endpoint", async token =>
            (await _wire.AnonymousBucketHeadAsync(token).ConfigureAwait(false)).Exchange, cancellationToken);

    /// <summary>
    /// Whether the service honours conditional writes (<see cref="ConditionalWriteProbe"/>). Only a
    /// definite answer is returned; any other failure is thrown, so it is not remembered.
    /// </summary>
    public Task<bool> SupportsConditionalWritesAsync(CancellationToken cancellationToken = default) =>
        _runner.RunAsync("probe conditional writes", token =>
            new ConditionalWriteProbe((key, condition, t) => _wire.PutAsync(key, "{}"u8.ToArray(), condition, new Dictionary<string, string>(), t))
                .SupportsConditionalWritesAsync(_settings.Key, token), cancellationToken);

    /// <summary>
    /// Whether the document can be read without credentials: an unsigned HEAD of its URL. True or
    /// false where the service answers plainly (200, or 401/403), null when it cannot tell.
    /// </summary>
    public async Task<bool?> IsPubliclyReadableAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            var answer = await _wire.AnonymousHeadAsync(_settings.Key, deadline.Token).ConfigureAwait(false);
            return answer.Status switch
            {
                >= 200 and < 300 => true,
                401 or 403 => false,
                _ => null,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // A check that cannot be made is no reason to fail the status.
            return null;
        }
    }

    private RemoteObjectInfo InfoOf(S3Exchange head) => new(head.ContentLength ?? -1, head.LastModified, ETagOf(head));

    /// <summary>The longest ETag taken: S3's are under 50 characters; a longer one could not be sent back in a header.</summary>
    public const int MaxETagLength = 1024;

    // An ETag is sent back as If-Match / If-None-Match: one that is not printable ASCII (or is huge) could not
    // be, so it is refused where it arrives, naming what is wrong rather than failing the next request.
    private string? ETagOf(S3Exchange exchange)
    {
        if (exchange.ETag is not { } etag)
            return null;
        var problem = etag.Length > MaxETagLength ? $"{etag.Length:N0} characters long"
            : !System.Text.Ascii.IsValid(etag) ? "it holds characters outside ASCII"
            : etag.AsSpan().ContainsAnyExceptInRange('\u0020', '\u007e') ? "it holds control characters"
            : null;
        return problem is null ? etag : throw new RemoteStoreException(RemoteFailureKind.Unexpected,
            $"{_runner.Context.Endpoint} answered with an ETag no S3 service sends ({problem}); a proxy on the way may be altering answers; nothing was changed");
    }

    private static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
