using StartClaude.Core.Local;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// The one writer: carries out a <see cref="SyncPlan"/> — the remote first (under the plan's
/// condition, sent the way the service supports: a conditional header, or an ETag check just before
/// the write where conditions are refused or ignored), then config.json, then the base. Until the base
/// moves, the next sync merges again against the old one, which converges whatever was interrupted.
/// </summary>
public sealed class SyncWriter(LocalConfigStore localStore, SyncStateStore stateStore)
{
    /// <summary>Whether the service honours conditional writes; learned once per remote (when first about to write) and remembered.</summary>
    public async Task<bool> ConditionalWritesAsync(SyncTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (stateStore.ReadConditionalWrites(target.Settings) is { } known)
            return known;
        var supported = await target.Remote.SupportsConditionalWritesAsync(cancellationToken).ConfigureAwait(false);
        stateStore.SaveConditionalWrites(target.Settings, supported);
        return supported;
    }

    /// <summary>
    /// Writes <paramref name="shared"/> as the remote document under <paramref name="condition"/>, and nothing
    /// else (no base): setup's re-upload of a document in its new form (encrypted or plain).
    /// </summary>
    public async Task<RemoteObjectInfo> WriteRemoteAsync(SyncTarget target, Documents.ConfigDocument shared, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(condition);
        var honours = condition is WriteCondition.Unconditional || await ConditionalWritesAsync(target, cancellationToken).ConfigureAwait(false);
        return await SendAsync(target, shared, condition, honours, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RemoteObjectInfo> SendAsync(SyncTarget target, Documents.ConfigDocument shared, WriteCondition condition, bool honours, CancellationToken cancellationToken)
    {
        var body = target.Codec.Encode(shared);
        // Who wrote it rides on the same PUT as metadata (s3-history shows it); the device name is this machine's.
        var etag = await target.Remote.WriteAsync(body, condition, honours, cancellationToken, WriterLabel.For(shared, target.Local)).ConfigureAwait(false);
        return new RemoteObjectInfo(body.Length, DateTimeOffset.UtcNow, etag);
    }

    /// <summary>Carries out <paramref name="plan"/>, made from <paramref name="inputs"/>.</summary>
    /// <returns>The plan as carried out (its conditional-writes flag as learned).</returns>
    /// <exception cref="RemoteStoreException">With <see cref="RemoteFailureKind.PreconditionFailed"/> when the remote changed since it was read; nothing here was written.</exception>
    public async Task<SyncPlan> CarryOutAsync(SyncTarget target, SyncInputs inputs, SyncPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.HasUndecidedConflicts)
            throw new InvalidOperationException("the plan has undecided conflicts");
        var agreedObject = inputs.Remote?.Info;
        if (plan.Condition is { } condition)
        {
            var honours = condition is WriteCondition.Unconditional || await ConditionalWritesAsync(target, cancellationToken).ConfigureAwait(false);
            plan = plan with { ConditionalWrites = honours };
            agreedObject = await SendAsync(target, plan.Agreed ?? SharedDocument.FromLocal(plan.Result), condition, honours, cancellationToken).ConfigureAwait(false);
        }
        if (plan.WritesLocal)
            localStore.Write(plan.Result);
        if (plan.Agreed is { } agreed && (plan.Condition is not null || inputs.Base?.ETag != agreedObject?.ETag || inputs.Base?.Hash != agreed.SharedContentHash()))
            stateStore.SaveBase(target.Settings, agreed, agreedObject);
        return plan;
    }
}
