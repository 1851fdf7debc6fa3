using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>
/// What setup will write once everything is decided: the local document, whether to upload it, and
/// the document both sides then agree on (null when they still differ, so no base is recorded). The
/// remote object it was decided on carries the ETag that agreement starts from.
/// </summary>
internal sealed record SetupPlan(ConfigDocument Local, bool Upload, ConfigDocument? Agreed, string Outcome);

/// <summary>
/// Decides what setup does with an existing remote document, following the original guide:
/// none → nothing yet; no local configs → download; equal → nothing; differ → on a terminal ask
/// upload / download / merge / cancel, else leave both alone and point to s3-sync.
/// </summary>
internal sealed class SetupRemoteStep(Prompts prompts, ToolConsole console, ISyncDecisions conflictDecisions)
{
    private enum Choice
    {
        Upload,
        Download,
        Merge,
        Cancel,
    }

    /// <param name="remoteDocument">The remote document, decoded (decrypted) already; null when there is none.</param>
    public SetupPlan Decide(ConfigDocument withSettings, RemoteObject? remote, ConfigDocument? remoteDocument)
    {
        if (remote is null || remoteDocument is null)
        {
            return new SetupPlan(withSettings, Upload: false, ConfigDocument.CreateEmpty(),
                withSettings.HasLiveConfigs
                    ? $"No remote document yet. Run start-claude s3-sync to upload your {Counts.Configs(withSettings.LiveConfigs.Count)}."
                    : "No remote document yet. Add configs, then run start-claude s3-sync.");
        }

        console.Plain($"Found a remote document: {Counts.Configs(remoteDocument.LiveConfigs.Count)}, {Sizes.Describe(remote.Info.Size)}, last written {Times.Describe(remote.Info.LastModified)}.");
        if (!withSettings.HasLiveConfigs)
        {
            return new SetupPlan(remoteDocument.WithSyncSettingsOf(withSettings), false, remoteDocument,
                $"There were no configs here, so the remote document was downloaded: {Counts.Configs(remoteDocument.LiveConfigs.Count)}.");
        }

        var difference = DocumentDifference.Between(withSettings, remoteDocument);
        if (difference.IsEmpty)
            return new SetupPlan(withSettings, false, remoteDocument, "Local and remote configs are already the same.");

        console.Plain("Local and remote configs differ:");
        foreach (var line in difference.Describe())
            console.Plain("  " + line);
        if (!prompts.CanAsk)
            return new SetupPlan(withSettings, false, null, "Your configs were left as they are. Run start-claude s3-sync to choose which side wins.");

        var choice = prompts.Choose(
            "What should setup do with them?",
            [(Choice.Merge, "Merge: keep both sides' configs (asks where the same config differs)"),
             (Choice.Upload, "Upload: the remote document becomes this machine's configs"),
             (Choice.Download, "Download: this machine's configs become the remote ones"),
             (Choice.Cancel, "Cancel: change nothing")],
            "s3-sync --prefer local|remote after setup");
        switch (choice)
        {
            case Choice.Upload:
                return new SetupPlan(withSettings, true, withSettings, $"Uploaded {Counts.Configs(withSettings.LiveConfigs.Count)}.");
            case Choice.Download:
                return new SetupPlan(remoteDocument.WithSyncSettingsOf(withSettings), false, remoteDocument,
                    $"Downloaded {Counts.Configs(remoteDocument.LiveConfigs.Count)}.");
            case Choice.Merge:
                var merge = ThreeWayMerge.Merge(null, withSettings, remoteDocument);
                var decided = merge.HasConflicts ? conflictDecisions.DecideConflicts(merge.Conflicts) : new Dictionary<MergeConflict, ConflictSide>();
                var merged = merge.Resolve(c => decided[c]);
                return new SetupPlan(merged, true, merged, $"Merged both sides: {Counts.Configs(merged.LiveConfigs.Count)} here and remote.");
            default:
                throw new CancelledByUserException();
        }
    }
}
