namespace StartClaude.Core.Remote;

/// <summary>
/// A HEAD answers 403 or 404 with no body, so it cannot say whether the secret is wrong, the key
/// unknown, the bucket missing or access denied. A GET of the same object carries an error body with
/// the code; it is sent only on that failure path. (A listing by prefix did this before, and is
/// no longer used.)
/// </summary>
public sealed class ForbiddenDiagnosis(Func<CancellationToken, Task<S3Answer>> get, TimeSpan timeout)
{
    /// <summary>The GET's answer when it has an error code; else <paramref name="failed"/>.</summary>
    public async Task<S3Exchange> DiagnoseAsync(S3Exchange failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var answer = await get(deadline.Token).ConfigureAwait(false);
            return answer.Exchange is { ErrorCode: not null } diagnosed ? diagnosed : failed;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or Errors.StartClaudeException)
        {
            // The diagnosis is best effort; the HEAD's own answer stands.
            return failed;
        }
    }
}
