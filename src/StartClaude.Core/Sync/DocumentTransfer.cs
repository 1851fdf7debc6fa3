using StartClaude.Core.Errors;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// The explicit one-way moves, <c>s3-upload</c> and <c>s3-download</c>: each reads what it needs,
/// asks <see cref="SyncPlanner"/>, and has <see cref="SyncWriter"/> carry the plan out. Either way
/// the two sides then agree, and that is recorded as the base of the next sync.
/// </summary>
public sealed class DocumentTransfer(SyncStateStore stateStore, SyncWriter writer)
{
    /// <summary>Plans an upload; the remote is read only when there are no local configs (to refuse wiping it).</summary>
    public async Task<(SyncInputs Inputs, SyncPlan Plan)> PlanUploadAsync(SyncTarget target, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var syncBase = stateStore.ReadBase(target.Settings);
        RemoteSnapshot? remote = null;
        if (!target.Local.HasLiveConfigs && !force)
            remote = await RemoteSnapshot.ReadAsync(target.Remote, target.Codec, null, cancellationToken).ConfigureAwait(false);
        var inputs = new SyncInputs(target.Local, remote, syncBase, stateStore.ReadConditionalWrites(target.Settings) ?? true);
        return (inputs, SyncPlanner.PlanUpload(inputs, force));
    }

    /// <summary>Plans a download from one GET of the remote document.</summary>
    /// <exception cref="RemoteDocumentMissingException">There is no remote document.</exception>
    public async Task<(SyncInputs Inputs, SyncPlan Plan)> PlanDownloadAsync(SyncTarget target, DownloadMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (syncBase, warning) = stateStore.ReadBaseChecked(target.Settings);
        var remote = await RemoteSnapshot.ReadAsync(target.Remote, target.Codec, null, cancellationToken).ConfigureAwait(false)
            ?? throw new RemoteDocumentMissingException(target.RemoteName);
        var inputs = new SyncInputs(target.Local, remote, syncBase, stateStore.ReadConditionalWrites(target.Settings) ?? true);
        var plan = SyncPlanner.PlanDownload(inputs, mode);
        return (inputs, warning is null ? plan : plan with { Warnings = [warning, .. plan.Warnings] });
    }

    public Task<SyncPlan> CarryOutAsync(SyncTarget target, SyncInputs inputs, SyncPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Refused is { } refused)
            throw new SyncConflictException(refused);
        return writer.CarryOutAsync(target, inputs, plan, cancellationToken);
    }
}
