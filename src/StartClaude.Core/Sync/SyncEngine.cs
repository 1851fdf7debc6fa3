using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// Reads the three documents, asks <see cref="SyncPlanner"/>, gets the answers it asks for and has
/// <see cref="SyncWriter"/> carry the plan out. A refused write (412, or a changed ETag seen just before
/// writing where the service ignores conditions) makes it read, decide and try again, a bounded number
/// of times. Nothing is decided here: every branch is the planner's.
/// </summary>
public sealed class SyncEngine(ILocalDocumentStore localStore, ISyncStateStore stateStore, SyncWriter writer, TimeProvider? time = null)
{
    public const int MaxAttempts = 10;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// The planner's inputs for <paramref name="request"/>: the base, the remote as that request needs it (one
    /// conditional GET against the base for two-way requests), and what the service is known to support.
    /// </summary>
    public async Task<SyncInputs> ReadAsync(SyncTarget target, SyncRequest request, SyncBase? fallbackBase = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var (syncBase, warning) = stateStore.ReadBaseChecked(target.Settings);
        syncBase ??= fallbackBase;
        Task<RemoteSnapshot?> Read(SyncBase? against) => RemoteSnapshot.ReadAsync(target.Remote, target.Codec, against, cancellationToken);
        // Two-way requests read against the base (a 304 stands for it); the one-way ones need the document itself.
        var remote = await request.Match<Task<RemoteSnapshot?>>(
            _ => Read(syncBase),
            _ => Read(syncBase),
            upload => upload.Force || target.Local.HasLiveConfigs ? Task.FromResult<RemoteSnapshot?>(null) : Read(null),
            async _ => await Read(null).ConfigureAwait(false) ?? throw new RemoteDocumentMissingException(target.RemoteName),
            _ => Read(null)).ConfigureAwait(false);
        return InputsFor(target, remote, syncBase) with { Warning = warning };
    }

    /// <summary>The inputs from a remote already read (setup reads it while testing the connection).</summary>
    public SyncInputs InputsFor(SyncTarget target, RemoteSnapshot? remote, SyncBase? syncBase = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        syncBase ??= stateStore.ReadBaseChecked(target.Settings).Base;
        // Until the service has answered the probe, conditions are assumed honoured; the writer probes before the first write.
        return new SyncInputs(target.Local, remote, syncBase, stateStore.ReadConditionalWrites(target.Settings) ?? true) { Advice = target.Advice };
    }

    /// <summary>Reads and decides once, answering nothing and writing nothing: for <c>s3-status</c>.</summary>
    public async Task<(SyncInputs Inputs, SyncDecision Decision)> DecideAsync(SyncTarget target, SyncRequest request, CancellationToken cancellationToken = default)
    {
        var inputs = await ReadAsync(target, request, null, cancellationToken).ConfigureAwait(false);
        return (inputs, WithWarning(SyncPlanner.Decide(request, inputs, SyncAnswers.None), inputs.Warning));
    }

    /// <summary>Reads, decides (asking <paramref name="answerer"/> what the planner asks) and carries the plan out.</summary>
    /// <param name="firstInputs">Inputs already read for the first attempt (setup); later attempts read again.</param>
    /// <exception cref="SyncRefusedException">The planner refused; nothing was written.</exception>
    /// <param name="answers">Answers given before (<see cref="Settle"/>); questions they do not cover are asked.</param>
    public Task<SyncReport> RunAsync(SyncTarget target, SyncRequest request, ISyncAnswerer answerer, bool dryRun,
        CancellationToken cancellationToken = default, SyncInputs? firstInputs = null, SyncAnswers? answers = null) =>
        RunCoreAsync(target, request, answerer, dryRun, MaxAttempts, firstInputs, answers, cancellationToken);

    /// <summary>
    /// Asks every question the planner has for <paramref name="inputs"/> and writes nothing: the answers, to
    /// carry out later (setup asks before it takes the home lock, then plans again with what is there).
    /// </summary>
    /// <exception cref="SyncRefusedException">The planner refused.</exception>
    public SyncAnswers Settle(SyncRequest request, SyncInputs inputs, ISyncAnswerer answerer)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        var (plan, answers, _) = DecideAnswering(request, inputs, SyncAnswers.None, answerer, mayAsk: true);
        return plan is not null ? answers : throw new InvalidOperationException("an answerer that may ask gave no answer");
    }

    /// <summary>
    /// As <see cref="RunAsync(SyncTarget, SyncRequest, ISyncAnswerer, bool, CancellationToken, SyncInputs?)"/>, once: a
    /// refused write is not planned again but thrown (an explicit upload or restore must not replace what another device wrote).
    /// </summary>
    /// <exception cref="RemoteStoreException">With <see cref="RemoteFailureKind.PreconditionFailed"/>: the remote changed; nothing was written.</exception>
    /// <param name="inputs">Inputs already read (what the person was shown): the write is conditional on that remote.</param>
    public Task<SyncReport> RunOnceAsync(SyncTarget target, SyncRequest request, ISyncAnswerer answerer, SyncInputs? inputs = null, CancellationToken cancellationToken = default) =>
        RunCoreAsync(target, request, answerer, dryRun: false, attempts: 1, firstInputs: inputs, given: null, cancellationToken);

    private async Task<SyncReport> RunCoreAsync(SyncTarget target, SyncRequest request, ISyncAnswerer answerer, bool dryRun, int attempts,
        SyncInputs? firstInputs, SyncAnswers? given, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answerer);

        var answers = given ?? SyncAnswers.None;
        // Once this run has seen no remote document, "nothing" is a state both sides agreed on: a
        // document another device creates meanwhile is merged against an empty base, not a conflict.
        var sawNoRemote = false;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (attempt > 0)
                await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
            var current = attempt == 0 ? target : target with { Local = localStore.Read() ?? target.Local };
            var inputs = attempt == 0 && firstInputs is not null
                ? firstInputs
                : await ReadAsync(current, request, sawNoRemote ? SyncBase.Empty : null, cancellationToken).ConfigureAwait(false);
            sawNoRemote |= inputs.Remote is null;
            SyncReport Report(SyncPlan plan, SyncQuestion? pending) =>
                SyncReport.Of(plan, attempt, dryRun, pending) with { RemoteInfo = inputs.Remote?.Info };

            (var decided, answers, var last) = DecideAnswering(request, inputs, answers, answerer, mayAsk: !dryRun);
            if (decided is not { } plan)
                return Report(last.Standing, last.Match<SyncQuestion?>(_ => null, ask => ask.Question, _ => null));
            if (dryRun)
                return Report(plan, null);
            try
            {
                return Report(await writer.CarryOutAsync(target, inputs, plan, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception ex) when (attempts > 1 && ex is RemoteStoreException { Kind: RemoteFailureKind.PreconditionFailed } or ClaudeCode.ClaudeFilesChangedException)
            {
                // Or a Claude Code file changed here between the read and the write (Claude Code writes
                // ~/.claude.json while it runs): the next round merges that change in too.
                // Another device wrote since the read: read, decide and ask again. Only answers to conflicts are tied
                // to what was seen (by content); the others were given about a remote that has changed, so they go.
                answers = SyncAnswers.None with { Conflicts = answers.Conflicts };
            }
        }

        throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
            $"the remote document at {target.RemoteName} kept changing while syncing ({MaxAttempts} attempts); nothing was overwritten — run start-claude s3-sync again");
    }

    /// <summary>The ETag of the remote as last agreed (after a write: the one it was given).</summary>
    public string? BaseETag(SyncTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return stateStore.ReadBaseChecked(target.Settings).Base?.ETag;
    }

    // Full jitter, growing: devices that collided spread out instead of colliding again.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40 << Math.Min(attempt, 5)));

    /// <summary>
    /// Decides, answering each question the planner asks, until there is a plan, a refusal (thrown), or a
    /// question nobody may answer now (the plan is then null and <c>Last</c> says where things stand).
    /// </summary>
    private static (SyncPlan? Plan, SyncAnswers Answers, SyncDecision Last) DecideAnswering(
        SyncRequest request, SyncInputs inputs, SyncAnswers answers, ISyncAnswerer answerer, bool mayAsk)
    {
        while (true)
        {
            var decision = WithWarning(SyncPlanner.Decide(request, inputs, answers), inputs.Warning);
            var (plan, next) = decision.Match<(SyncPlan?, SyncAnswers?)>(
                done => (done.Plan, answers),
                ask => (null, answerer.Answer(ask.Question, answers, mayAsk)),
                refuse => throw new SyncRefusedException(refuse.Reason, refuse.ExitCode));
            if (plan is not null || next is null)
                return (plan, answers, decision);
            answers = next;
        }
    }

    private static SyncDecision WithWarning(SyncDecision decision, string? warning)
    {
        if (warning is null)
            return decision;
        return decision.Match<SyncDecision>(
            done => done with { Plan = done.Plan with { Warnings = [warning, .. done.Plan.Warnings] } },
            ask => ask with { Preview = ask.Preview with { Warnings = [warning, .. ask.Preview.Warnings] } },
            refuse => refuse with { Preview = refuse.Preview with { Warnings = [warning, .. refuse.Preview.Warnings] } });
    }
}
