using System.Net.Http;
using System.Net.Sockets;
using Minio;
using Minio.DataModel.Args;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Remote;

/// <summary>
/// The remote document: one object in one bucket, read, stat'ed and written through a MinIO client.
/// Every failure comes out as a <see cref="RemoteStoreException"/> classified from the wire.
/// </summary>
public sealed class RemoteDocumentStore(IMinioClient client, S3ExchangeRecorder recorder, SdkPreflightShortcut preflight, S3SyncSettings settings, string endpoint, TimeSpan timeout)
{
    /// <summary>Object metadata holding the SHA-256 of the document as uploaded, checked on download.</summary>
    public const string ChecksumHeader = "x-amz-meta-start-claude-sha256";

    /// <summary>Attempts per request for transient failures (5xx, throttling, a broken connection).</summary>
    public const int MaxAttempts = 3;

    public S3SyncSettings Settings => settings;

    /// <summary>The endpoint as a URL, for messages.</summary>
    public string Endpoint => endpoint;

    public S3ExchangeRecorder Recorder => recorder;

    /// <summary>The client, for the version listing beside this store (<see cref="History.RemoteVersionStore"/>).</summary>
    internal IMinioClient Client => client;

    internal SdkPreflightShortcut Preflight => preflight;

    /// <summary>
    /// Tests the connection and looks for the document with one listing request, which (unlike a HEAD)
    /// carries an error code that tells a wrong secret from an unknown key or a missing bucket.
    /// Falls back to a HEAD where the credentials may not list the bucket.
    /// </summary>
    public async Task<RemoteObjectInfo?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var listed = await RunAsync("list the bucket", async token =>
            {
                var args = new ListObjectsArgs()
                    .WithBucket(settings.Bucket)
                    .WithPrefix(settings.Key)
                    .WithRecursive(true)
                    .WithListObjectsV1(false);
                await foreach (var item in client.ListObjectsEnumAsync(args, token).ConfigureAwait(false))
                {
                    if (item.Key == settings.Key)
                    {
                        DateTimeOffset? modified = item.LastModifiedDateTime is { } dt ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : null;
                        return new RemoteObjectInfo((long)item.Size, modified, item.ETag is { Length: > 0 } tag ? Quote(tag) : null);
                    }
                }
                return null;
            }, cancellationToken).ConfigureAwait(false);
            // Some services answer listings in a namespace the SDK does not read (s3rver): an empty
            // listing proves the connection, not that the document is missing.
            return listed ?? await StatAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.AccessDenied)
        {
            return await StatAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Size, time and ETag of the remote document, or null when it does not exist.</summary>
    /// <param name="bucketKnown">The bucket was just seen: skip the SDK's HEAD of it (one HEAD on the wire, not two).</param>
    public Task<RemoteObjectInfo?> StatAsync(CancellationToken cancellationToken = default, bool bucketKnown = false) =>
        RunAsync("read the document's details", async token =>
        {
            using var shortcut = bucketKnown ? preflight.Answer(SdkPreflightShortcut.Scope.Bucket) : null;
            var stat = await client.StatObjectAsync(new StatObjectArgs().WithBucket(settings.Bucket).WithObject(settings.Key), token).ConfigureAwait(false);
            return (RemoteObjectInfo?)InfoOf(stat);
        }, cancellationToken, missingObjectIsNull: true);

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
    public async Task<RemoteRead> ReadIfChangedAsync(string? knownETag, CancellationToken cancellationToken = default) =>
        await RunAsync("download the document", async token =>
        {
            using var buffer = new MemoryStream();
            var args = new GetObjectArgs()
                .WithBucket(settings.Bucket)
                .WithObject(settings.Key)
                .WithCallbackStream(async (stream, ct) => await CopyBoundedAsync(stream, buffer, ct).ConfigureAwait(false));
            // GetObjectArgs' own WithNotMatchETag reaches only the SDK's preflight stat, never the GET;
            // its raw headers reach the GET.
            if (knownETag is not null)
                args = args.WithHeaders(new Dictionary<string, string>(StringComparer.Ordinal) { ["If-None-Match"] = knownETag });
            var before = recorder.Exchanges.Count;
            try
            {
                using (preflight.Answer(SdkPreflightShortcut.Scope.BucketAndObject))
                    await client.GetObjectAsync(args, token).ConfigureAwait(false);
            }
            catch (Exception) when (LastGet(before) is { Status: 304 })
            {
                // The SDK may take the 304 for a failure; it is the answer asked for.
            }
            var get = LastGet(before);
            if (get is { Status: 304 })
                return (RemoteRead?)new RemoteRead.Unchanged(new RemoteObjectInfo(-1, get.LastModified, get.ETag ?? knownETag));
            var content = buffer.ToArray();
            if (get?.ContentLength is { } announced && announced != content.Length)
                throw new RemoteStoreException(RemoteFailureKind.Interrupted,
                    $"the download from {Describe()} was cut short ({content.Length:N0} of {announced:N0} bytes); nothing was changed");
            if (get?.ContentSha256 is { Length: > 0 } expected
                && !string.Equals(expected, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), StringComparison.OrdinalIgnoreCase))
                throw new RemoteStoreException(RemoteFailureKind.Corrupted,
                    $"the document downloaded from {Describe()} does not match the checksum it was stored with; it was not applied");
            return new RemoteRead.Changed(new RemoteObject(content, new RemoteObjectInfo(content.Length, get?.LastModified, get?.ETag)));
        }, cancellationToken, missingObjectIsNull: true).ConfigureAwait(false) ?? new RemoteRead.Missing();

    private S3Exchange? LastGet(int before)
    {
        var exchanges = recorder.Exchanges;
        for (var i = exchanges.Count - 1; i >= before; i--)
        {
            if (exchanges[i].Method == "GET")
                return exchanges[i];
        }
        return null;
    }

    /// <summary>Uploads <paramref name="content"/> under <paramref name="condition"/>; returns the new ETag.</summary>
    /// <param name="writer">Who writes it: sent as object metadata on the same PUT.</param>
    public Task<string?> WriteAsync(ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default, WriterLabel? writer = null) =>
        PutAsync(settings.Key, "upload the document", content, condition, cancellationToken, writer);

    /// <summary>
    /// Uploads under <paramref name="condition"/>. Where the service ignores conditions
    /// (<paramref name="honoursConditions"/> false), the ETag is read again just before writing
    /// instead, and a document that is not the expected one is refused as a 412 would be.
    /// </summary>
    /// <exception cref="RemoteStoreException">With <see cref="RemoteFailureKind.PreconditionFailed"/> when the document changed.</exception>
    public async Task<string?> WriteAsync(ReadOnlyMemory<byte> content, WriteCondition condition, bool honoursConditions, CancellationToken cancellationToken = default, WriterLabel? writer = null)
    {
        if (!honoursConditions)
        {
            var now = await StatAsync(cancellationToken, bucketKnown: true).ConfigureAwait(false);
            if (now?.ETag != (condition as WriteCondition.MustMatch)?.ETag)
                throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
                    $"could not upload the document: {Describe()} changed while this command ran; nothing was overwritten");
            condition = new WriteCondition.Unconditional();
        }
        return await WriteAsync(content, condition, cancellationToken, writer).ConfigureAwait(false);
    }

    /// <summary>
    /// Learns whether the service honours conditional writes, on a probe object beside the document:
    /// create it with If-None-Match: * twice. A service that honours it refuses the second (412);
    /// one that ignores it accepts both; Backblaze B2 answers 501. The probe object is then removed.
    /// </summary>
    public async Task<bool> SupportsConditionalWritesAsync(CancellationToken cancellationToken = default)
    {
        // A fresh name each time: devices probing at once must not see each other's probe objects.
        var probeKey = $"{settings.Key}.start-claude-probe-{Guid.NewGuid():N}";
        var body = "{}"u8.ToArray();
        try
        {
            await PutAsync(probeKey, "probe conditional writes", body, new WriteCondition.MustNotExist(), cancellationToken).ConfigureAwait(false);
            await PutAsync(probeKey, "probe conditional writes", body, new WriteCondition.MustNotExist(), cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            return true;
        }
        catch (RemoteStoreException ex) when (ex.Kind is RemoteFailureKind.NotImplemented or RemoteFailureKind.Unexpected)
        {
            return false;
        }
        finally
        {
            try
            {
                using var deadline = new CancellationTokenSource(timeout);
                await client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(settings.Bucket).WithObject(probeKey), deadline.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Best effort: a leftover probe object is small and harmless.
            }
        }
    }

    /// <summary>
    /// Whether the document can be read without credentials: an unsigned HEAD of its URL. True or
    /// false where the service answers plainly (200, or 401/403), null when it cannot tell.
    /// </summary>
    public async Task<bool?> IsPubliclyReadableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // The SDK keeps the endpoint with or without its scheme depending on how it was given.
            var endpointText = client.Config.Endpoint;
            var baseUri = Uri.TryCreate(endpointText, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
                ? new Uri(absolute.GetLeftPart(UriPartial.Authority) + "/")
                : new Uri($"{(client.Config.Secure ? "https" : "http")}://{endpointText}/");
            var url = new Uri(baseUri, $"{Uri.EscapeDataString(settings.Bucket)}/{string.Join('/', settings.Key.Split('/').Select(Uri.EscapeDataString))}");
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await client.Config.HttpClient.SendAsync(request, deadline.Token).ConfigureAwait(false);
            return (int)response.StatusCode switch
            {
                >= 200 and < 300 => true,
                401 or 403 => false,
                _ => null,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ArgumentException or IOException or InvalidOperationException)
        {
            // A check that cannot be made is no reason to fail the status.
            return null;
        }
    }

    private Task<string?> PutAsync(string key, string action, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken, WriterLabel? writer = null) =>
        RunAsync(action, async token =>
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            var args = new PutObjectArgs()
                .WithBucket(settings.Bucket)
                .WithObject(key)
                .WithStreamData(stream)
                .WithObjectSize(content.Length)
                .WithContentType("application/json")
                .WithHeaders(new Dictionary<string, string>(writer?.Headers() ?? new Dictionary<string, string>(), StringComparer.Ordinal)
                {
                    [ChecksumHeader] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.Span)),
                });
            args = condition switch
            {
                WriteCondition.MustMatch match => args.WithMatchETag(match.ETag),
                WriteCondition.MustNotExist => args.WithNotMatchETag("*"),
                _ => args,
            };
            var response = await client.PutObjectAsync(args, token).ConfigureAwait(false);
            // Never take a refused write for a success, whatever the SDK made of the answer.
            if (recorder.Last is { Method: "PUT", Status: >= 300 } refused)
                throw Classify(action, refused, new InvalidOperationException($"HTTP {refused.Status}"), timedOut: false);
            return response?.Etag is { Length: > 0 } etag ? Quote(etag) : recorder.Last?.ETag;
        }, cancellationToken);

    private string Describe() => $"s3://{settings.Bucket}/{settings.Key} at {endpoint}";

    private static RemoteObjectInfo InfoOf(Minio.DataModel.ObjectStat stat) =>
        new(stat.Size, new DateTimeOffset(DateTime.SpecifyKind(stat.LastModified, DateTimeKind.Utc)), stat.ETag is { Length: > 0 } tag ? Quote(tag) : null);

    // MinIO strips the quotes of an ETag; HTTP conditions need them.
    private static string Quote(string etag) => etag.StartsWith('"') ? etag : $"\"{etag}\"";

    private static async Task CopyBoundedAsync(Stream source, Stream target, CancellationToken token)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > ConfigDocument.MaxBytes)
                throw new DocumentFormatException($"the remote document is more than the {ConfigDocument.MaxBytes / (1024 * 1024)} MiB a config document may be; nothing was changed");
            await target.WriteAsync(chunk.AsMemory(0, read), token).ConfigureAwait(false);
        }
    }

    // Transient failures are retried with growing, jittered pauses; nothing else is (a wrong key
    // stays wrong, a 412 is an answer, and a timeout already took its bound).
    internal async Task<T?> RunAsync<T>(string action, Func<CancellationToken, Task<T?>> call, CancellationToken cancellationToken, bool missingObjectIsNull = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(action, call, cancellationToken, missingObjectIsNull).ConfigureAwait(false);
            }
            catch (RemoteStoreException ex) when (attempt < MaxAttempts && ex.Kind is RemoteFailureKind.ServerError or RemoteFailureKind.Throttled or RemoteFailureKind.Interrupted)
            {
                var pause = TimeSpan.FromMilliseconds((ex.Kind == RemoteFailureKind.Throttled ? 500 : 200) * Math.Pow(3, attempt - 1) * (0.75 + Random.Shared.NextDouble() / 2));
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<T?> RunOnceAsync<T>(string action, Func<CancellationToken, Task<T?>> call, CancellationToken cancellationToken, bool missingObjectIsNull)
    {
        var before = recorder.Exchanges.Count;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await call(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not Errors.StartClaudeException)
        {
            var exchanges = recorder.Exchanges;
            var last = exchanges.Count > before ? exchanges[^1] : null;
            if (missingObjectIsNull && last is { Status: 404 } && !IsBucketPath(last.Path) && last.ErrorCode is null or "NoSuchKey")
                return default;
            if (last is { Status: 403, ErrorCode: null })
                last = await DiagnoseForbiddenAsync(last, cancellationToken).ConfigureAwait(false);
            throw Classify(action, last, ex, deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
        }
    }

    // A HEAD that answers 403 has no body to say why; one listing request usually does.
    private async Task<S3Exchange> DiagnoseForbiddenAsync(S3Exchange forbidden, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var args = new ListObjectsArgs().WithBucket(settings.Bucket).WithPrefix(settings.Key).WithListObjectsV1(false);
            await foreach (var _ in client.ListObjectsEnumAsync(args, deadline.Token).ConfigureAwait(false))
                break;
        }
        catch (Exception)
        {
            // The diagnosis is best effort; its own failure is reported through what it recorded.
        }
        return recorder.Last is { Status: 403, ErrorCode: not null } diagnosed ? diagnosed : forbidden;
    }

    private bool IsBucketPath(string path) => path.Trim('/') == settings.Bucket;

    private RemoteStoreException Classify(string action, S3Exchange? last, Exception ex, bool timedOut)
    {
        var where = Describe();
        if (timedOut)
            return new RemoteStoreException(RemoteFailureKind.TimedOut,
                $"could not {action}: {endpoint} did not answer within {timeout.TotalSeconds:0} s", ex);

        if (last is null || (last.Status < 300 && IsBrokenTransfer(ex)))
        {
            if (IsBrokenTransfer(ex))
                return new RemoteStoreException(RemoteFailureKind.Interrupted,
                    $"could not {action}: the connection to {endpoint} broke off mid-request; nothing was changed", ex);
            var socket = FindInner<SocketException>(ex);
            var http = FindInner<HttpRequestException>(ex);
            if (socket is not null || http is not null)
                return new RemoteStoreException(RemoteFailureKind.Unreachable,
                    $"could not {action}: cannot reach {endpoint} ({(socket?.SocketErrorCode.ToString() ?? http!.HttpRequestError.ToString())}); check the endpoint URL and your network", ex);
            if (FindInner<OperationCanceledException>(ex) is not null || FindInner<TimeoutException>(ex) is not null)
                return new RemoteStoreException(RemoteFailureKind.TimedOut,
                    $"could not {action}: {endpoint} did not answer in time", ex);
            return new RemoteStoreException(RemoteFailureKind.Unexpected,
                $"could not {action} at {where}: {ex.GetType().Name}", ex);
        }

        var status = $"HTTP {last.Status}{(last.ErrorCode is null ? "" : " " + last.ErrorCode)}";
        return (last.ErrorCode, last.Status) switch
        {
            ("SignatureDoesNotMatch", _) => new RemoteStoreException(RemoteFailureKind.WrongSecret,
                $"could not {action}: the secret access key is wrong for access key {SecretMask.Mask(settings.AccessKeyId)} ({status}); re-run start-claude s3-setup with the right secret", ex),
            ("InvalidAccessKeyId", _) => new RemoteStoreException(RemoteFailureKind.UnknownAccessKey,
                $"could not {action}: {endpoint} does not know access key {SecretMask.Mask(settings.AccessKeyId)} ({status}); check the access key id", ex),
            _ when last.ErrorCode == "NoSuchBucket" || (last.Status == 404 && last.ErrorCode is null && IsBucketPath(last.Path)) => new RemoteStoreException(RemoteFailureKind.BucketMissing,
                $"could not {action}: bucket '{settings.Bucket}' does not exist at {endpoint} ({status}); create it or fix the bucket name", ex),
            ("RequestTimeTooSkewed", _) => new RemoteStoreException(RemoteFailureKind.ClockSkew,
                $"could not {action}: this machine's clock differs too much from {endpoint}'s ({status}); fix the clock", ex),
            (_, 403) => new RemoteStoreException(RemoteFailureKind.AccessDenied,
                $"could not {action}: access denied to {where} ({status}); the credentials lack permission (s3:GetObject, s3:PutObject, s3:ListBucket) or are wrong", ex),
            (_, 412) => new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
                $"could not {action}: the remote document changed while this command ran ({status}); nothing was overwritten — run start-claude s3-sync again", ex),
            (_, 429) or ("SlowDown", _) or (_, 503) => new RemoteStoreException(RemoteFailureKind.Throttled,
                $"could not {action}: {endpoint} is busy and asked to slow down ({status}); try again in a minute", ex),
            (_, 501) => new RemoteStoreException(RemoteFailureKind.NotImplemented,
                $"could not {action}: {endpoint} does not support this request ({status})", ex),
            (_, >= 500) => new RemoteStoreException(RemoteFailureKind.ServerError,
                $"could not {action}: {endpoint} failed ({status}); try again later", ex),
            _ => new RemoteStoreException(RemoteFailureKind.Unexpected,
                $"could not {action} at {where}: {endpoint} answered {status}", ex),
        };
    }

    // A connection reset or a response that ended early, as opposed to one never made.
    private static bool IsBrokenTransfer(Exception ex) =>
        FindInner<HttpRequestException>(ex) is { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse }
        || FindInner<HttpIOException>(ex) is not null
        || FindInner<SocketException>(ex) is { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }
        || (FindInner<IOException>(ex) is not null && FindInner<SocketException>(ex) is not { SocketErrorCode: SocketError.ConnectionRefused });

    private static T? FindInner<T>(Exception? ex) where T : Exception
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is T match)
                return match;
        }
        return null;
    }
}
