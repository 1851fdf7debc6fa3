namespace StartClaude.Core.Sync;

/// <summary>Where local and remote stand against the base.</summary>
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
