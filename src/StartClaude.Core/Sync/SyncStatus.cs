using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

public enum SyncState
{
    NoRemoteDocument,
    InSync,
    LocalChanges,
    RemoteChanges,
    BothChanged,
    /// <summary>Both exist and differ, and this machine has no base to tell which side changed.</summary>
    DifferNeverSynced,
}

/// <summary>Where local and remote stand, and which configs each side changed.</summary>
public sealed record SyncStatus(SyncState State, RemoteSnapshot? Remote, DocumentDifference? LocalChanges, DocumentDifference? RemoteChanges, DocumentDifference? Difference)
{
    public static async Task<SyncStatus> ReadAsync(SyncTarget target, SyncStateStore stateStore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(stateStore);
        var syncBase = stateStore.ReadBase(target.Settings);
        var remote = await RemoteSnapshot.ReadAsync(target.Remote, target.Codec, syncBase, cancellationToken).ConfigureAwait(false);
        if (remote is null)
            return new SyncStatus(SyncState.NoRemoteDocument, null, null, null, null);
        var local = target.Local;
        if (local.SharesContentWith(remote.Document))
            return new SyncStatus(SyncState.InSync, remote, null, null, null);
        if (syncBase is null)
            return new SyncStatus(SyncState.DifferNeverSynced, remote, null, null, DocumentDifference.Between(local, remote.Document));

        var localChanged = local.SharedContentHash() != syncBase.Hash;
        var remoteChanged = remote.Document.SharedContentHash() != syncBase.Hash;
        var state = (localChanged, remoteChanged) switch
        {
            (true, true) => SyncState.BothChanged,
            (true, false) => SyncState.LocalChanges,
            _ => SyncState.RemoteChanges,
        };
        return new SyncStatus(state, remote,
            localChanged ? DocumentDifference.Between(local, syncBase.Document) : null,
            remoteChanged ? DocumentDifference.Between(remote.Document, syncBase.Document) : null,
            DocumentDifference.Between(local, remote.Document));
    }
}
