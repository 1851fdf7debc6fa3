using System.Net.Http;
using System.Net.Sockets;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Remote;

/// <summary>
/// Turns what happened on the wire (the last exchange, if any answer came, and the exception) into
/// one <see cref="RemoteStoreException"/> in a person's words. A pure function: status and error
/// code decide, never the SDK's exception types.
/// </summary>
public static class RemoteFailureClassifier
{
    /// <param name="earlier">The run's exchanges so far, when known: a signature the service accepted before proves the secret.</param>
    public static RemoteStoreException Classify(RemoteFailureContext context, string action, S3Exchange? last, Exception? error, bool timedOut, IReadOnlyList<S3Exchange>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.Endpoint;
        if (timedOut)
            return new(RemoteFailureKind.TimedOut,
                $"could not {action}: {endpoint} did not answer within {context.Timeout.TotalSeconds:0} s", error);

        if (FindInner<ResponseTooLargeException>(error) is { } tooLarge)
            return new(RemoteFailureKind.TooLarge,
                $"could not {action}: {endpoint} answered with more than the {tooLarge.Limit / (1024 * 1024)} MiB this tool reads; nothing was changed", error);

        if (last is null || (last.Status < 300 && IsBrokenTransfer(error)))
            return WithoutAnswer(context, action, error);

        var status = $"HTTP {last.Status}{(last.ErrorCode is null ? "" : " " + last.ErrorCode)}";
        var key = SecretMask.Mask(context.AccessKeyId);
        return (last.ErrorCode, last.Status) switch
        {
            (_, >= 300 and < 400) when last.Status != 304 => Redirect(context, action, last, status, error),
            ("SignatureDoesNotMatch", _) when SecretProven(earlier) => new(RemoteFailureKind.Unexpected,
                $"could not {action}: {endpoint} refused this request's signature ({status}) though it accepted others signed with the same secret access key, so the secret is not what is wrong: the file path in the bucket or a version id likely holds characters the service signs differently (docs/wire.md)", error),
            ("SignatureDoesNotMatch", _) => new(RemoteFailureKind.WrongSecret,
                $"could not {action}: the secret access key is wrong for access key {key} ({status})", error, "re-run start-claude s3-setup with the right secret"),
            ("InvalidAccessKeyId", _) => new(RemoteFailureKind.UnknownAccessKey,
                $"could not {action}: {endpoint} does not know access key {key} ({status}); check the access key id", error),
            _ when last.ErrorCode == "NoSuchBucket" || (last.Status == 404 && last.ErrorCode is null && IsBucketPath(context, last.Path)) => new(RemoteFailureKind.BucketMissing,
                $"could not {action}: bucket '{context.Bucket}' does not exist at {endpoint} ({status}); create it or fix the bucket name", error),
            ("RequestTimeTooSkewed", _) => new(RemoteFailureKind.ClockSkew,
                $"could not {action}: this machine's clock differs too much from {endpoint}'s ({status}); fix the clock", error),
            (_, 403) => new(RemoteFailureKind.AccessDenied,
                $"could not {action}: access denied to {context.Where} ({status}); the credentials lack permission (see docs/wire.md: s3:GetObject, s3:PutObject on the key) or are wrong", error),
            (_, 412) => new(RemoteFailureKind.PreconditionFailed,
                $"could not {action}: the remote document changed while this command ran ({status}); nothing was overwritten — run start-claude s3-sync again", error),
            (_, 429) or ("SlowDown", _) or (_, 503) => new(RemoteFailureKind.Throttled,
                $"could not {action}: {endpoint} is busy and asked to slow down ({status}); try again in a minute", error),
            (_, 501) => new(RemoteFailureKind.NotImplemented,
                $"could not {action}: {endpoint} does not support this request ({status})", error),
            (_, >= 500) => new(RemoteFailureKind.ServerError,
                $"could not {action}: {endpoint} failed ({status}); try again later", error),
            _ => new(RemoteFailureKind.Unexpected,
                $"could not {action} at {context.Where}: {endpoint} answered {status}{RegionHint(last)}", error),
        };
    }

    // An answer that only a request with a valid signature gets (a 2xx, a 304, a missing key).
    private static bool SecretProven(IReadOnlyList<S3Exchange>? earlier)
    {
        if (earlier is null)
            return false;
        foreach (var exchange in earlier)
        {
            if (exchange.Status is >= 200 and < 300 or 304 || exchange.ErrorCode is "NoSuchKey" or "NoSuchVersion")
                return true;
        }
        return false;
    }

    /// <summary>Whether a failed call left the connection broken mid-request, as opposed to never made.</summary>
    public static bool IsBrokenTransfer(Exception? ex) =>
        FindInner<HttpRequestException>(ex) is { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse }
        || FindInner<HttpIOException>(ex) is not null
        || FindInner<SocketException>(ex) is { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }
        || (FindInner<IOException>(ex) is not null && FindInner<SocketException>(ex) is not { SocketErrorCode: SocketError.ConnectionRefused });

    public static bool IsBucketPath(RemoteFailureContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        return path.Trim('/') == S3UriEncoding.Encode(context.Bucket) || path.Trim('/') == context.Bucket;
    }

    // AWS names the bucket's region when a request was signed for another (AuthorizationHeaderMalformed).
    private static string RegionHint(S3Exchange last) =>
        last.BucketRegion is { Length: > 0 } region ? $"; the bucket is in region {WireText.Printable(region)} — run start-claude s3-setup with --region {WireText.Printable(region)}" : "";

    // A redirect is never followed: the document (API keys) must not go where the user did not send it.
    private static RemoteStoreException Redirect(RemoteFailureContext context, string action, S3Exchange last, string status, Exception? error)
    {
        var region = RegionHint(last);
        var target = last.Location is { Length: > 0 } location ? $" to {WireText.Printable(WithoutSecrets(location))}" : "";
        return new(RemoteFailureKind.Redirected,
            $"could not {action}: {context.Endpoint} redirected the request{target} ({status}){region}; redirects are never followed, nothing was sent there and nothing was changed", error);
    }

    // Where it pointed, without user info or query (a presigned URL's signature is nobody's business).
    private static string WithoutSecrets(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}"
            : location.Split('?')[0];

    private static RemoteStoreException WithoutAnswer(RemoteFailureContext context, string action, Exception? error)
    {
        var endpoint = context.Endpoint;
        if (IsBrokenTransfer(error))
            return new(RemoteFailureKind.Interrupted,
                $"could not {action}: the connection to {endpoint} broke off mid-request; nothing was changed", error);
        var socket = FindInner<SocketException>(error);
        var http = FindInner<HttpRequestException>(error);
        // An answer came, but its headers were more than HttpClient reads: not a network problem.
        if (http is { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded })
            return new(RemoteFailureKind.TooLarge,
                $"could not {action}: {endpoint} answered with more response headers than the 64 KiB this tool reads (a proxy or service misbehaving); nothing was changed", error);
        if (socket is not null || http is not null)
        {
            var reason = socket?.SocketErrorCode.ToString() ?? http!.HttpRequestError.ToString();
            // Through a proxy, the connection that failed may be the proxy's: name it and where it was set.
            return context.Proxy is { } proxy
                ? new(RemoteFailureKind.Unreachable,
                    $"could not {action}: cannot reach {endpoint} through the proxy {proxy.Display} (set by {proxy.Variable}) ({reason}); check that proxy, or unset {proxy.Variable} to connect directly", error)
                : new(RemoteFailureKind.Unreachable,
                    $"could not {action}: cannot reach {endpoint} ({reason}); check the endpoint URL and your network", error);
        }
        if (FindInner<OperationCanceledException>(error) is not null || FindInner<TimeoutException>(error) is not null)
            return new(RemoteFailureKind.TimedOut,
                $"could not {action}: {endpoint} did not answer in time", error);
        return new(RemoteFailureKind.Unexpected,
            $"could not {action} at {context.Where}: {error?.GetType().Name ?? "no answer"}", error);
    }

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
