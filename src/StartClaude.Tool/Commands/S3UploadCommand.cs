using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-upload", Description = "Upload the local configs, replacing the remote document (S3 settings never leave this machine).")]
internal sealed class S3UploadCommand(HomeLock homeLock, SyncTargetLoader loader, DocumentTransfer transfer, ToolConsole console) : JsonCommandBase
{
    [Option("-f|--force", Description = "Replace the remote document even when it changed since this machine last synced, or when there are no local configs and it has some.")]
    public bool Force { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        using var homeLockHeld = homeLock.Acquire();
        var target = loader.Open();
        var (inputs, plan) = await transfer.PlanUploadAsync(target, Force).ConfigureAwait(false);
        foreach (var warning in plan.Warnings)
            console.Warn(warning);
        try
        {
            plan = await transfer.CarryOutAsync(target, inputs, plan).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw Changed(target, inputs.Base);
        }
        console.Plain($"Uploaded {Counts.Configs(SharedDocument.FromLocal(plan.Result).LiveConfigs.Count)} to {target.RemoteName} ({target.Remote.Endpoint}).");
        if (Json)
        {
            var json = JsonOutput.Result("s3-upload");
            json["remote"] = target.RemoteName;
            json["outcome"] = "uploaded";
            json["configs"] = SharedDocument.FromLocal(plan.Result).LiveConfigs.Count;
            json["encrypted"] = target.Codec.Encrypts;
            console.WriteJson(json);
        }
        return 0;
    }

    private static SyncConflictException Changed(SyncTarget target, SyncBase? agreed) => new(agreed is null
        ? $"{target.RemoteName} exists and this machine has never synced with it; run start-claude s3-sync to merge, or s3-upload --force to replace it"
        : $"{target.RemoteName} changed since this machine last synced; run start-claude s3-sync to merge, or s3-upload --force to replace it");
}
