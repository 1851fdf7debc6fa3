using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

public enum SyncAction
{
    /// <summary>Both sides say the same, or there is nothing on either side.</summary>
    NothingToDo,
    Upload,
    Download,
    /// <summary>Both sides hold configs and they differ: someone must choose.</summary>
    Conflict,
}

/// <summary>What <c>s3-sync</c> will do, and why, in words for the person.</summary>
public sealed record SyncPlan(SyncAction Action, string Reason, DocumentDifference? Difference);

/// <summary>
/// Decides a two-way sync from content alone, never from clocks: no local configs → download;
/// no remote → upload; equal → nothing; both differ → conflict.
/// </summary>
public static class SyncPlanner
{
    public static SyncPlan Plan(ConfigDocument local, ConfigDocument? remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (remote is null)
        {
            return local.HasLiveConfigs || !local.ForRemote().SharesContentWith(ConfigDocument.CreateEmpty())
                ? new SyncPlan(SyncAction.Upload, "there is no remote document yet", null)
                : new SyncPlan(SyncAction.NothingToDo, "there is nothing to sync yet: no configs here and no remote document", null);
        }

        var difference = DocumentDifference.Between(local, remote);
        if (difference.IsEmpty)
            return new SyncPlan(SyncAction.NothingToDo, "local and remote are already the same", difference);
        if (!local.HasLiveConfigs)
            return new SyncPlan(SyncAction.Download, "there are no configs here, so the remote ones are taken", difference);
        if (!remote.HasLiveConfigs)
            return new SyncPlan(SyncAction.Upload, "the remote document holds no configs, so the local ones are sent", difference);
        return new SyncPlan(SyncAction.Conflict, "local and remote configs differ", difference);
    }
}
