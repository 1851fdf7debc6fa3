using StartClaude.Core.Sync;

namespace StartClaude.Tool.Console;

/// <summary>
/// The words --json output uses for outcomes and states, spelled here and nowhere else (docs/json.md lists
/// them; a test holds the two together). One word per outcome, whichever command reports it.
/// </summary>
internal static class JsonWords
{
    public static string Outcome(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.NothingToDo => "unchanged",
        SyncOutcome.Uploaded => "uploaded",
        SyncOutcome.Downloaded => "downloaded",
        SyncOutcome.Merged => "merged",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string State(SyncState state) => state switch
    {
        SyncState.NoRemoteDocument => "no-remote-document",
        SyncState.InSync => "in-sync",
        SyncState.LocalChanges => "local-changes",
        SyncState.RemoteChanges => "remote-changes",
        SyncState.BothChanged => "both-changed",
        SyncState.DifferNeverSynced => "differ-never-synced",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>What a question is called where a dry run or status names one that is open.</summary>
    public static string Question(SyncQuestion question) => question.Match(
        conflicts => "conflicts",
        emptied => "emptied-remote",
        wentBack => "remote-went-back",
        download => "download-choice",
        join => "join-choice");

    /// <summary>Every word above, for the test that holds docs/json.md to them.</summary>
    public static IEnumerable<string> All =>
        Enum.GetValues<SyncOutcome>().Select(Outcome).Concat(Enum.GetValues<SyncState>().Select(State))
            .Concat(["conflicts", "emptied-remote", "remote-went-back", "download-choice", "join-choice"]);
}
