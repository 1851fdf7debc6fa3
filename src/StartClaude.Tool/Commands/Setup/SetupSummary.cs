using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>What setup says at the end: what happened to the configs, and the settings it saved (secrets masked).</summary>
internal sealed class SetupSummary(ToolConsole console, string configPath)
{
    public void Write(IStorageProvider provider, S3SyncSettings settings, SyncReport report, bool remoteExisted, SyncAnswers answers, bool encrypt, bool remember, bool machineKeys = false)
    {
        var plan = report.Plan;
        var here = plan.Result.LiveConfigs.Count;
        console.Plain($"Saved the S3 settings to {configPath}.");
        foreach (var warning in report.Warnings)
            console.Warn(warning);
        console.Plain(Outcome(plan, remoteExisted, answers, here));
        console.Plain("");
        console.Plain("Sync is set up:");
        console.Plain($"  Service:     {provider.DisplayName}");
        console.Plain($"  Document:    s3://{settings.Bucket}/{settings.Key}");
        console.Plain($"  Access key:  {SecretMask.Mask(settings.AccessKeyId)}");
        console.Plain(machineKeys ? "  Encryption:  on (age, to this person's machines' keys: s3-machines lists them)" : $"  Encryption:  {(encrypt ? $"on (age, passphrase{(remember ? " remembered on this machine" : $" asked for, or read from {PassphrasePrompt.Variable}")})" : "off (plain JSON in the bucket)")}");
        console.Plain($"  Configs:     {here} here");
        var claude = plan.Result.ClaudeChoice;
        console.Plain($"  Claude Code: {(claude.IsEmpty ? "nothing kept in step (start-claude claude-files --set ... to choose)" : string.Join(", ", claude.Kinds.Select(k => TerminalText.Escape(k))))}");
        console.Plain($"  Device name: {plan.Result.DeviceName ?? WriterLabel.DefaultDeviceName()} (in the bucket's history)");
        console.Plain("Next: start-claude s3-sync to sync, start-claude s3-status to see where things stand.");
    }

    private static string Outcome(SyncPlan plan, bool remoteExisted, SyncAnswers answers, int here)
    {
        if (!remoteExisted)
        {
            var items = plan.Result.ClaudeItemCount;
            return plan.Result.HasLiveConfigs || items > 0
                ? $"No remote document yet. Run start-claude s3-sync to upload your {Counts.Configs(here)}{(items > 0 ? $" and {items} Claude Code item{(items == 1 ? "" : "s")}" : "")}."
                : "No remote document yet. Add configs, then run start-claude s3-sync.";
        }
        if (plan.State == SyncState.InSync)
            return "Local and remote configs are already the same.";
        return answers.Join switch
        {
            null => $"There were no configs here, so the remote document was downloaded: {Counts.Configs(here)}.",
            JoinMode.Leave => "Your configs were left as they are. Run start-claude s3-sync to merge them (--prefer local|remote decides configs that differ).",
            JoinMode.Upload => $"Uploaded {Counts.Configs(SharedDocument.FromLocal(plan.Result).LiveConfigs.Count)}.",
            JoinMode.Download => $"Downloaded {Counts.Configs(here)}.",
            _ when answers.EmptiedRemote == ConflictSide.Local => $"Kept this machine's configs and uploaded them: {Counts.Configs(here)}.",
            _ => $"Merged both sides: {Counts.Configs(here)} here and remote.",
        };
    }
}
