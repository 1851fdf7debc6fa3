namespace StartClaude.Core.Remote;

/// <summary>
/// After an upload whose answer was lost (a broken connection, a server error, a timeout, or a
/// retry that met its own new ETag as a 412), reads the object's details back: when it holds what
/// was sent (the SHA-256 stored with it as metadata), the write landed and is a success, not
/// another device's change.
/// </summary>
public sealed class LandedWriteCheck(Func<CancellationToken, Task<S3Answer>> head, TimeSpan timeout)
{
    /// <summary>Whether a failed upload may nonetheless have been applied.</summary>
    public static bool MayHaveLanded(RemoteFailureKind kind, int attempt) =>
        kind is RemoteFailureKind.Interrupted or RemoteFailureKind.TimedOut or RemoteFailureKind.ServerError or RemoteFailureKind.Throttled
        || (kind == RemoteFailureKind.PreconditionFailed && attempt > 1);

    /// <summary>The object's ETag when it holds content with <paramref name="sha256"/>; null when it does not or cannot be told.</summary>
    public async Task<string?> LandedAsync(string sha256, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var answer = await head(deadline.Token).ConfigureAwait(false);
            return answer.Status is >= 200 and < 300 && string.Equals(answer.Exchange.ContentSha256, sha256, StringComparison.OrdinalIgnoreCase)
                ? answer.Exchange.ETag ?? ""
                : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
