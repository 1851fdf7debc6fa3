using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-sync", Description = "Two-way sync: no local configs → download; no remote → upload; both differ → ask (or --prefer).")]
internal sealed class S3SyncCommand(SyncTargetLoader loader, DocumentTransfer transfer, Prompts prompts, ToolConsole console)
{
    [Option("--prefer <SIDE>", Description = "When both sides differ: 'local' uploads, 'remote' downloads (replacing local configs).")]
    [AllowedValues("local", "remote", IgnoreCase = true, ErrorMessage = "--prefer must be local or remote")]
    public string? Prefer { get; set; }

    private enum Choice
    {
        Upload,
        Download,
        Cancel,
    }

    public async Task<int> OnExecuteAsync()
    {
        var target = loader.Open();
        var remote = await target.Remote.ReadAsync().ConfigureAwait(false);
        var remoteDocument = remote is null ? null : DocumentTransfer.ParseRemote(remote);
        var plan = SyncPlanner.Plan(target.Local, remoteDocument);

        var action = plan.Action == SyncAction.Conflict ? Decide(plan) : plan.Action;
        switch (action)
        {
            case SyncAction.NothingToDo:
                console.Plain($"Nothing to do: {plan.Reason}.");
                return 0;
            case SyncAction.Upload:
                // Conditional on what was just read, so a device that wrote in between is not overwritten.
                await transfer.UploadAsync(target, WriteCondition.From(remote?.Info)).ConfigureAwait(false);
                console.Plain($"Uploaded {Counts.Configs(target.Local.LiveConfigs.Count)} to {target.RemoteName} ({Because(plan, action)}).");
                return 0;
            default:
                var written = transfer.ApplyDownload(target.Local, remoteDocument!, DownloadMode.Replace);
                console.Plain($"Downloaded {Counts.Configs(written.LiveConfigs.Count)} from {target.RemoteName} ({Because(plan, action)}).");
                return 0;
        }
    }

    private static string Because(SyncPlan plan, SyncAction chosen) =>
        plan.Action == SyncAction.Conflict ? $"chosen: {(chosen == SyncAction.Upload ? "local" : "remote")} wins" : plan.Reason;

    private SyncAction Decide(SyncPlan plan)
    {
        if (Prefer is { } side)
            return side.Equals("local", StringComparison.OrdinalIgnoreCase) ? SyncAction.Upload : SyncAction.Download;

        var lines = plan.Difference?.Describe().ToList() ?? [];
        if (!prompts.CanAsk)
            throw new SyncConflictException($"local and remote configs differ ({string.Join("; ", lines)}); pass --prefer local to upload or --prefer remote to download");

        console.Plain("Local and remote configs differ:");
        foreach (var line in lines)
            console.Plain("  " + line);
        var choice = prompts.Choose(
            "Which side should win?",
            [(Choice.Upload, "Upload: the remote document becomes the local one"),
             (Choice.Download, "Download: the local configs become the remote ones"),
             (Choice.Cancel, "Cancel")],
            "--prefer local|remote");
        return choice switch
        {
            Choice.Upload => SyncAction.Upload,
            Choice.Download => SyncAction.Download,
            _ => throw new CancelledByUserException(),
        };
    }
}
