using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-download", Description = "Download the remote configs. Takes them without asking when nothing changed here since the last sync; otherwise asks whether to merge or replace.")]
internal sealed class S3DownloadCommand(HomeLock homeLock, SyncTargetLoader loader, DocumentTransfer transfer, BackupStore backups, Prompts prompts, ToolConsole console) : JsonCommandBase
{
    [Option("-f|--force", Description = "Replace the local configs with the remote ones without asking (also when the remote holds none).")]
    public bool Force { get; set; }

    [Option("--merge", Description = "Merge without asking: keep local configs, add remote ones, remote wins where both changed the same config.")]
    public bool Merge { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        if (Force && Merge)
            throw new UsageException("--force and --merge contradict each other; pass one of them");

        using var homeLockHeld = homeLock.Acquire();
        var target = loader.Open();
        var mode = Force ? DownloadMode.Replace : Merge ? DownloadMode.Merge : DownloadMode.Plain;
        var (inputs, plan) = await transfer.PlanDownloadAsync(target, mode).ConfigureAwait(false);
        foreach (var warning in plan.Warnings)
            console.Warn(warning);
        if (plan.EmptiedRemote is { } emptied)
            ConfirmEmptied(emptied);
        if (plan.NeedsDownloadChoice is { } why)
            plan = SyncPlanner.PlanDownload(inputs, AskMode(why, plan));

        var newestBefore = backups.List().FirstOrDefault()?.Id;
        plan = await transfer.CarryOutAsync(target, inputs, plan).ConfigureAwait(false);
        var backup = backups.List().FirstOrDefault() is { } newest && newest.Id != newestBefore ? newest.Id : null;
        var remote = inputs.Remote!;
        var remoteCount = plan.Agreed?.LiveConfigs.Count ?? remote.Document.LiveConfigs.Count;
        var outcome = plan.Outcome switch
        {
            SyncOutcome.NothingToDo => "unchanged",
            SyncOutcome.Merged => "merged",
            _ => "downloaded",
        };
        console.Plain(plan.Outcome switch
        {
            SyncOutcome.NothingToDo => $"Already up to date with {target.RemoteName}.",
            SyncOutcome.Merged => $"Merged {Counts.Configs(remoteCount)} from {target.RemoteName}; {Counts.Configs(plan.Result.LiveConfigs.Count)} here now.",
            _ => $"Downloaded {Counts.Configs(remoteCount)} from {target.RemoteName}; {Counts.Configs(plan.Result.LiveConfigs.Count)} here now.",
        });
        if (backup is not null)
            console.Plain($"The previous config.json is kept as backup {backup} (undo with: start-claude backups restore {backup}).");
        if (Json)
        {
            var json = JsonOutput.Result("s3-download");
            json["remote"] = target.RemoteName;
            json["outcome"] = outcome;
            json["remoteConfigs"] = remoteCount;
            json["localConfigs"] = plan.Result.LiveConfigs.Count;
            json["etag"] = remote.Info.ETag;
            json["size"] = remote.Info.Size;
            json["backup"] = backup;
            console.WriteJson(json);
        }
        return 0;
    }

    private enum Choice
    {
        Merge,
        Replace,
        Cancel,
    }

    private void ConfirmEmptied(string why)
    {
        if (!prompts.CanAsk)
            throw new SyncConflictException($"{why}; nothing was changed. Pass -f (--force) to delete the configs here too, or run start-claude s3-sync --prefer local to upload them again");
        if (!prompts.Confirm($"{char.ToUpperInvariant(why[0])}{why[1..]}. Delete the configs here too?", "--force", defaultValue: false))
            throw new CancelledByUserException();
    }

    private DownloadMode AskMode(string why, SyncPlan plan)
    {
        if (!prompts.CanAsk)
            throw new SyncConflictException($"{why}; pass --merge to merge them or --force to replace them");
        foreach (var line in plan.Difference?.Describe() ?? [])
            console.Plain("  " + line);
        var choice = prompts.Choose(
            "Local configs changed too. What should the download do?",
            [(Choice.Merge, "Merge: keep local configs, add remote ones (remote wins where both changed the same config)"),
             (Choice.Replace, "Replace: the local configs become the remote ones"),
             (Choice.Cancel, "Cancel")],
            "--merge or --force");
        return choice switch
        {
            Choice.Merge => DownloadMode.Merge,
            Choice.Replace => DownloadMode.Replace,
            _ => throw new CancelledByUserException(),
        };
    }
}
