namespace StartClaude.Core.Sync;

/// <summary>What a plan writes: nothing, the remote only, here only, or both.</summary>
public enum SyncOutcome
{
    NothingToDo,
    Uploaded,
    Downloaded,
    Merged,
}
