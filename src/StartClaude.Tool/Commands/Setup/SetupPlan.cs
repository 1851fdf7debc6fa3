using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>
/// What setup will write once everything is decided: the planner's plan to carry out (null when setup
/// leaves both sides as they are), the local document to save, and what to say.
/// </summary>
internal sealed record SetupPlan(ConfigDocument Local, SyncPlan? Carry, string Outcome);

/// <summary>
/// Decides what setup does with an existing remote document, by asking <see cref="SyncPlanner"/>:
/// none → nothing yet; no local configs → download; equal → nothing; both hold configs that differ →
/// on a terminal ask merge (the planner's merge, conflicts asked per config) / upload / download /
/// cancel, else leave both alone and point to s3-sync.
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

    public SetupPlan Decide(SyncInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var withSettings = inputs.Local;
        var plan = SyncPlanner.Plan(inputs);
        foreach (var warning in plan.Warnings)
            console.Warn(warning);
        if (inputs.Remote is not { } remote)
        {
            return new SetupPlan(withSettings, null,
                withSettings.HasLiveConfigs
                    ? $"No remote document yet. Run start-claude s3-sync to upload your {Counts.Configs(withSettings.LiveConfigs.Count)}."
                    : "No remote document yet. Add configs, then run start-claude s3-sync.");
        }

        console.Plain($"The remote document holds {Counts.Configs(remote.Document.LiveConfigs.Count)}.");
        if (plan.State == SyncState.InSync)
            return new SetupPlan(plan.Result, plan, "Local and remote configs are already the same.");
        if (!withSettings.HasLiveConfigs)
            return new SetupPlan(plan.Result, plan, $"There were no configs here, so the remote document was downloaded: {Counts.Configs(plan.Result.LiveConfigs.Count)}.");

        console.Plain("Local and remote configs differ:");
        foreach (var line in plan.Difference?.Describe() ?? [])
            console.Plain("  " + line);
        if (!prompts.CanAsk)
            return new SetupPlan(withSettings, null, "Your configs were left as they are. Run start-claude s3-sync to merge them (--prefer local|remote decides configs that differ).");

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
                var upload = SyncPlanner.PlanUpload(inputs, force: false);
                return new SetupPlan(upload.Result, upload, $"Uploaded {Counts.Configs(upload.Result.LiveConfigs.Count)}.");
            case Choice.Download:
                var download = SyncPlanner.PlanDownload(inputs, DownloadMode.Replace);
                return new SetupPlan(download.Result, download, $"Downloaded {Counts.Configs(download.Result.LiveConfigs.Count)}.");
            case Choice.Merge:
                if (plan.HasUndecidedConflicts)
                {
                    var decided = conflictDecisions.DecideConflicts(plan.Conflicts);
                    plan = plan.Resolve(c => decided[c]);
                }
                return new SetupPlan(plan.Result, plan, $"Merged both sides: {Counts.Configs(plan.Result.LiveConfigs.Count)} here and remote.");
            default:
                throw new CancelledByUserException();
        }
    }
}
