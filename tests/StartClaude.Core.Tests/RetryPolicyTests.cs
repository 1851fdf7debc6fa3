using Microsoft.Extensions.Time.Testing;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

/// <summary>The one retry rule every request goes through (issue 22 item 3), on a fake clock: no test sleeps.</summary>
public class RetryPolicyTests
{
    private static RemoteStoreException Failure(RemoteFailureKind kind) => new(kind, $"failed: {kind}");

    [TestCase(RemoteFailureKind.ServerError, 1, 0.0, 150)]
    [TestCase(RemoteFailureKind.ServerError, 1, 1.0, 250)]
    [TestCase(RemoteFailureKind.ServerError, 2, 0.5, 600)]
    [TestCase(RemoteFailureKind.Interrupted, 2, 0.0, 450)]
    [TestCase(RemoteFailureKind.Throttled, 1, 0.5, 500)]
    [TestCase(RemoteFailureKind.Throttled, 2, 0.0, 1125)]
    public void The_backoff_grows_threefold_and_is_jittered_by_a_quarter(RemoteFailureKind kind, int attempt, double jitter, int milliseconds) =>
        new RetryPolicy(3, new FakeTimeProvider(), () => jitter).Backoff(kind, attempt).TotalMilliseconds.Should().BeApproximately(milliseconds, 0.001);

    [Test]
    public async Task A_transient_failure_is_retried_after_the_pause_on_the_given_clock()
    {
        var clock = new FakeTimeProvider();
        var pauses = 0;
        // The jitter is drawn just as a pause starts: counting draws tells when the pause waits on the clock.
        var policy = new RetryPolicy(3, clock, () =>
        {
            Interlocked.Increment(ref pauses);
            return 0.5;
        });
        var attempts = new List<int>();

        var run = policy.RunAsync<string>((attempt, _) =>
        {
            attempts.Add(attempt);
            return attempt < 3 ? throw Failure(RemoteFailureKind.ServerError) : Task.FromResult("done");
        }, CancellationToken.None);

        attempts.Should().Equal(1);
        await WaitUntilAsync(() => Volatile.Read(ref pauses) == 1);
        clock.Advance(TimeSpan.FromMilliseconds(199));
        attempts.Should().Equal([1], "the first pause is 200 ms");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => Volatile.Read(ref pauses) == 2);
        attempts.Should().HaveCount(2);
        clock.Advance(TimeSpan.FromMilliseconds(599));
        attempts.Should().HaveCount(2, "the second pause is 600 ms");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await run).Should().Be("done");
        attempts.Should().Equal(1, 2, 3);
    }

    [Test]
    public async Task After_the_last_attempt_the_last_failure_is_thrown()
    {
        var clock = new FakeTimeProvider();
        var policy = new RetryPolicy(2, clock, () => 0);
        var attempts = 0;

        var run = policy.RunAsync<int>((attempt, _) => throw Failure(++attempts == 1 ? RemoteFailureKind.Throttled : RemoteFailureKind.Interrupted), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));

        (await FluentActions.Awaiting(() => run).Should().ThrowAsync<RemoteStoreException>()).Which.Kind.Should().Be(RemoteFailureKind.Interrupted);
        attempts.Should().Be(2);
    }

    [TestCase(RemoteFailureKind.PreconditionFailed)]
    [TestCase(RemoteFailureKind.TimedOut)]
    [TestCase(RemoteFailureKind.AccessDenied)]
    [TestCase(RemoteFailureKind.Unexpected)]
    public async Task A_failure_that_will_not_go_away_is_never_retried(RemoteFailureKind kind)
    {
        var attempts = 0;

        var run = new RetryPolicy(3, new FakeTimeProvider()).RunAsync<int>((_, _) =>
        {
            attempts++;
            throw Failure(kind);
        }, CancellationToken.None);

        (await FluentActions.Awaiting(() => run).Should().ThrowAsync<RemoteStoreException>()).Which.Kind.Should().Be(kind);
        attempts.Should().Be(1);
    }

    [Test]
    public void Only_server_errors_throttling_and_broken_connections_are_transient() =>
        Enum.GetValues<RemoteFailureKind>().Where(RetryPolicy.IsTransient).Should()
            .BeEquivalentTo([RemoteFailureKind.ServerError, RemoteFailureKind.Throttled, RemoteFailureKind.Interrupted]);

    // The pause starts on the thread that failed, a moment after the draw; real time only to let it.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(10);
        condition().Should().BeTrue();
        await Task.Delay(50);
    }
}
