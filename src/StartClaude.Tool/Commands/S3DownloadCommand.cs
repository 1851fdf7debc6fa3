using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-download", Description = "Download the remote configs. Takes them without asking when nothing changed here since the last sync; otherwise asks whether to merge or replace.")]
internal sealed class S3DownloadCommand(HomeLock homeLock, SyncTargetLoader loader, SyncEngine engine, BackupStore backups, Prompts prompts, ToolConsole console) : JsonCommandBase
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
        var newestBefore = backups.List().FirstOrDefault()?.Id;
        var answerer = new PromptedSyncAnswerer(null, prompts, console, QuestionWording.Download);
        var report = await engine.RunAsync(target, new SyncRequest.Download(mode), answerer, dryRun: false).ConfigureAwait(false);
        var plan = report.Plan;
        foreach (var warning in plan.Warnings)
            console.Warn(warning);
        var backup = backups.List().FirstOrDefault() is { } newest && newest.Id != newestBefore ? newest.Id : null;
        var remoteCount = plan.Agreed?.LiveConfigs.Count ?? 0;
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
            json["outcome"] = JsonWords.Outcome(plan.Outcome);
            json["remoteConfigs"] = remoteCount;
            json["localConfigs"] = plan.Result.LiveConfigs.Count;
            json["etag"] = report.RemoteInfo?.ETag;
            json["size"] = report.RemoteInfo?.Size;
            json["backup"] = backup;
            console.WriteJson(json);
        }
        return 0;
    }
}
