using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// The one writer: carries out a <see cref="SyncPlan"/> — the remote first (under the plan's condition,
/// sent the way the service supports: a conditional header, or an ETag check just before the write
/// where conditions are refused or ignored; an uncertain answer is checked by reading back what landed),
/// then config.json, then the base. Until the base moves, the next sync merges again against the old
/// one, which converges whatever was interrupted.
/// </summary>
public sealed class SyncWriter(ILocalDocumentStore localStore, ISyncStateStore stateStore)
{
    /// <summary>Whether the service honours conditional writes; learned once per remote (when first about to write) and remembered.</summary>
    public async Task<bool> ConditionalWritesAsync(SyncTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (stateStore.ReadConditionalWrites(target.Settings) is { } known)
            return known;
        // Only a definite answer returns (anything else throws), so only that is remembered.
        var supported = await target.Remote.SupportsConditionalWritesAsync(cancellationToken).ConfigureAwait(false);
        stateStore.SaveConditionalWrites(target.Settings, supported);
        return supported;
    }

    /// <summary>Carries out <paramref name="plan"/>, made from <paramref name="inputs"/>.</summary>
    /// <returns>The plan as carried out (its conditional-writes flag as learned).</returns>
    /// <exception cref="RemoteStoreException">With <see cref="RemoteFailureKind.PreconditionFailed"/> when the remote changed since it was read; nothing here was written.</exception>
    public async Task<SyncPlan> CarryOutAsync(SyncTarget target, SyncInputs inputs, SyncPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(plan);
        var agreedObject = inputs.Remote?.Info;
        if (plan.Condition is { } condition)
        {
            var upload = plan.Upload ?? throw new InvalidOperationException("a plan that writes the remote names what it writes");
            var honours = condition is WriteCondition.Unconditional || await ConditionalWritesAsync(target, cancellationToken).ConfigureAwait(false);
            plan = plan with { ConditionalWrites = honours };
            var encoded = target.Codec.Encode(upload);
            // Who wrote it rides on the same PUT as metadata (s3-history shows it); the device name is this machine's.
            // A signed document's signature rides there too, beside the ciphertext.
            var etag = await target.Remote.WriteAsync(encoded.Body, condition, honours, cancellationToken,
                WriterLabel.For(upload, target.Local) with { Seal = encoded.Metadata }).ConfigureAwait(false);
            target.Codec.Written(encoded);
            agreedObject = new RemoteObjectInfo(encoded.Body.Length, DateTimeOffset.UtcNow, etag);
        }
        try
        {
            if (plan.WritesLocal)
                localStore.Write(plan.Result);
        }
        catch (ClaudeCode.ClaudeFilesChangedException)
        {
            // The remote holds the plan's document and this machine all of it but a newer local edit: that is
            // agreed, and the edit a change made here since, for the next round to send.
            SaveBase(target, inputs, plan, agreedObject);
            throw;
        }
        SaveBase(target, inputs, plan, agreedObject);
        return plan;
    }

    private void SaveBase(SyncTarget target, SyncInputs inputs, SyncPlan plan, RemoteObjectInfo? agreedObject)
    {
        if (plan.Agreed is { } agreed && (plan.Condition is not null || inputs.Base?.ETag != agreedObject?.ETag || inputs.Base?.Hash != agreed.SharedContentHash()))
            stateStore.SaveBase(target.Settings, agreed, agreedObject, writtenHere: plan.Condition is not null);
    }
}
