using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-download", Description = "Download the remote configs. With local configs present, asks whether to merge or replace.")]
internal sealed class S3DownloadCommand(HomeLock homeLock, SyncTargetLoader loader, DocumentTransfer transfer, Prompts prompts, ToolConsole console)
{
    [Option("-f|--force", Description = "Replace the local configs with the remote ones without asking.")]
    public bool Force { get; set; }

    [Option("--merge", Description = "Merge without asking: keep local configs, add remote ones, remote wins for the same config.")]
    public bool Merge { get; set; }

    [Option(JsonFlag.Template, Description = JsonFlag.Description)]
    public bool Json { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        if (Force && Merge)
            throw new UsageException("--force and --merge contradict each other; pass one of them");

        using var homeLockHeld = homeLock.Acquire();
        var target = loader.Open();
        var remote = await target.Remote.ReadAsync().ConfigureAwait(false)
            ?? throw new RemoteDocumentMissingException(target.RemoteName);
        var remoteDocument = target.Codec.Decode(remote);

        // Local-only configs are no difference: every download keeps them.
        var difference = DocumentDifference.Between(target.Local.ForRemote(), remoteDocument);
        if (difference.IsEmpty)
        {
            transfer.RecordAgreement(target, remoteDocument, remote.Info);
            console.Plain($"Already up to date with {target.RemoteName}.");
            return Finish(target, "unchanged", remoteDocument, target.Local, remote.Info);
        }

        var mode = Force || !target.Local.HasLiveConfigs ? DownloadMode.Replace
            : Merge ? DownloadMode.Merge
            : AskMode(difference);

        var written = transfer.ApplyDownload(target, remoteDocument, remote.Info, mode);
        var verb = mode == DownloadMode.Merge ? "Merged" : "Downloaded";
        console.Plain($"{verb} {Counts.Configs(remoteDocument.LiveConfigs.Count)} from {target.RemoteName}; {Counts.Configs(written.LiveConfigs.Count)} here now.");
        return Finish(target, mode == DownloadMode.Merge ? "merged" : "downloaded", remoteDocument, written, remote.Info);
    }

    private int Finish(SyncTarget target, string outcome, Core.Documents.ConfigDocument remote, Core.Documents.ConfigDocument local, RemoteObjectInfo info)
    {
        if (Json)
        {
            var json = JsonOutput.Result("s3-download");
            json["remote"] = target.RemoteName;
            json["outcome"] = outcome;
            json["remoteConfigs"] = remote.LiveConfigs.Count;
            json["localConfigs"] = local.LiveConfigs.Count;
            json["etag"] = info.ETag;
            json["size"] = info.Size;
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

    private DownloadMode AskMode(DocumentDifference difference)
    {
        if (!prompts.CanAsk)
            throw new SyncConflictException("there are local configs that differ from the remote ones; pass --merge to merge them or --force to replace them");
        foreach (var line in difference.Describe())
            console.Plain("  " + line);
        var choice = prompts.Choose(
            "Local configs exist. What should the download do?",
            [(Choice.Merge, "Merge: keep local configs, add remote ones (remote wins for the same config)"),
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
