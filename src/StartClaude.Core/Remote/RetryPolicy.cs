namespace StartClaude.Core.Remote;

/// <summary>
/// The one retry rule for every request to the service: up to <see cref="MaxAttempts"/> attempts while the
/// failure is transient (a 5xx, throttling, a connection broken mid-request), pausing between them
/// 200 ms × 3^(n−1) (500 ms × 3^(n−1) when throttled), each pause jittered by ±25 % so devices retrying
/// together spread out. Pauses wait on a <see cref="TimeProvider"/>, so tests advance time instead of sleeping.
/// A refused condition (412), a timeout or any other answer is never retried here.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts the tool makes of one request.</summary>
    public const int DefaultAttempts = 3;

    private readonly TimeProvider _clock;
    private readonly Func<double> _jitter;

    /// <param name="maxAttempts">Attempts in all, the first included (at least 1).</param>
    /// <param name="clock">What pauses wait on.</param>
    /// <param name="jitter">A number in [0, 1) per pause (default: random).</param>
    public RetryPolicy(int maxAttempts, TimeProvider clock, Func<double>? jitter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentNullException.ThrowIfNull(clock);
        MaxAttempts = maxAttempts;
        _clock = clock;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public static RetryPolicy Default { get; } = new(DefaultAttempts, TimeProvider.System);

    public int MaxAttempts { get; }

    /// <summary>Whether a failure of this kind may go away by itself, so the request is worth repeating.</summary>
    public static bool IsTransient(RemoteFailureKind kind) =>
        kind is RemoteFailureKind.ServerError or RemoteFailureKind.Throttled or RemoteFailureKind.Interrupted;

    /// <summary>Whether attempt <paramref name="attempt"/> (from 1), failed with <paramref name="kind"/>, is followed by another.</summary>
    public bool Retries(RemoteFailureKind kind, int attempt) => attempt < MaxAttempts && IsTransient(kind);

    /// <summary>The pause after attempt <paramref name="attempt"/> (from 1) failed with <paramref name="kind"/>.</summary>
    public TimeSpan Backoff(RemoteFailureKind kind, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var baseMilliseconds = kind == RemoteFailureKind.Throttled ? 500 : 200;
        var jitter = Math.Clamp(_jitter(), 0, 1);
        return TimeSpan.FromMilliseconds(baseMilliseconds * Math.Pow(3, attempt - 1) * (0.75 + jitter / 2));
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (given its number, from 1) until it succeeds, fails with a failure that is
    /// not transient, or has been made <see cref="MaxAttempts"/> times; the last failure is thrown.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteStoreException ex) when (Retries(ex.Kind, number))
            {
                await Task.Delay(Backoff(ex.Kind, number), _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
