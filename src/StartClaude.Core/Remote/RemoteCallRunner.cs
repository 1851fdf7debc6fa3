namespace StartClaude.Core.Remote;

/// <summary>
/// Runs one call to the service with a deadline, retrying transient failures (5xx, throttling, a
/// broken connection) with growing, jittered pauses; nothing else is retried (a wrong key stays
/// wrong, a 412 is an answer, and a timeout already took its bound). Failures come out classified.
/// </summary>
public sealed class RemoteCallRunner(S3ExchangeRecorder recorder, RemoteFailureContext context, ForbiddenDiagnosis diagnosis)
{
    /// <summary>Attempts per request for transient failures.</summary>
    public const int MaxAttempts = 3;

    public RemoteFailureContext Context => context;

    /// <summary>Whether a failure of this kind is worth another attempt.</summary>
    public static bool IsTransient(RemoteFailureKind kind) =>
        kind is RemoteFailureKind.ServerError or RemoteFailureKind.Throttled or RemoteFailureKind.Interrupted;

    public async Task<T> RunAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(action, call, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteStoreException ex) when (attempt < MaxAttempts && IsTransient(ex.Kind))
            {
                await PauseAsync(ex.Kind, attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The pause before attempt <paramref name="attempt"/> + 1.</summary>
    public static Task PauseAsync(RemoteFailureKind kind, int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds((kind == RemoteFailureKind.Throttled ? 500 : 200) * Math.Pow(3, attempt - 1) * (0.75 + Random.Shared.NextDouble() / 2)), cancellationToken);

    public async Task<T> RunOnceAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var before = recorder.Exchanges.Count;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(context.Timeout);
        try
        {
            return await call(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not Errors.StartClaudeException)
        {
            var exchanges = recorder.Exchanges;
            var last = (ex as S3AnswerException)?.Answer ?? (exchanges.Count > before ? exchanges[^1] : null);
            var timedOut = deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            if (!timedOut && last is { ErrorCode: null, Status: 403 or 404 } && last.Method == "HEAD")
                last = await diagnosis.DiagnoseAsync(last, cancellationToken).ConfigureAwait(false);
            throw RemoteFailureClassifier.Classify(context, action, last, ex, timedOut);
        }
    }
}
