namespace StartClaude.Core.Remote;

/// <summary>
/// Runs one call to the service with a deadline (<see cref="RemoteFailureContext.Timeout"/> per attempt),
/// retried by the <see cref="RetryPolicy"/>, and turns any failure into a <see cref="RemoteStoreException"/>
/// from the exchange the failed request itself carried (<see cref="S3AnswerException"/>,
/// <see cref="S3TransportException"/>), never from whatever was recorded last.
/// </summary>
/// <param name="recorder">The store's exchanges, when given: a signature the service accepted earlier proves the secret (the classifier says so).</param>
public sealed class RemoteCallRunner(RemoteFailureContext context, ForbiddenDiagnosis diagnosis, RetryPolicy retry, S3ExchangeRecorder? recorder = null)
{
    public RemoteFailureContext Context => context;

    public RetryPolicy Retry => retry;

    public Task<T> RunAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        retry.RunAsync((_, token) => RunOnceAsync(action, call, token), cancellationToken);

    public async Task<T> RunOnceAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(context.Timeout);
        try
        {
            return await call(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not Errors.StartClaudeException)
        {
            var answered = ExchangeOf(ex);
            var timedOut = deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            if (!timedOut && answered is { ErrorCode: null, Status: 403 or 404 } && answered.Method == "HEAD")
                answered = await diagnosis.DiagnoseAsync(answered, cancellationToken).ConfigureAwait(false);
            throw RemoteFailureClassifier.Classify(context, action, answered, ex, timedOut, recorder?.Exchanges);
        }
    }

    /// <summary>The exchange a failed request made, when the service answered at all.</summary>
    public static S3Exchange? ExchangeOf(Exception ex) => ex switch
    {
        S3AnswerException answer => answer.Answer,
        S3TransportException transport => transport.Exchange,
        _ => null,
    };
}
