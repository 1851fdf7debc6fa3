using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-upload", Description = "Upload the local configs, replacing the remote document (S3 settings never leave this machine).")]
internal sealed class S3UploadCommand(HomeLock homeLock, SyncTargetLoader loader, DocumentTransfer transfer, SyncStateStore stateStore, SyncEngine engine, ToolConsole console)
{
    [Option("-f|--force", Description = "Replace the remote document even when it changed since this machine last synced, or when there are no local configs and it has some.")]
    public bool Force { get; set; }

    [Option(JsonFlag.Template, Description = JsonFlag.Description)]
    public bool Json { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        using var homeLockHeld = homeLock.Acquire();
        var target = loader.Open();
        var condition = (WriteCondition)new WriteCondition.Unconditional();
        var honoursConditions = true;
        if (!target.Local.HasLiveConfigs && !Force)
        {
            // Never wipe a remote full of configs with an empty local file by accident.
            var remote = await target.Remote.ReadAsync().ConfigureAwait(false);
            if (remote is not null && target.Codec.Decode(remote).LiveConfigs.Count is var count and > 0)
                throw new SyncConflictException($"there are no configs here; uploading would delete the {Counts.Configs(count)} in the remote document. Pass --force to do it anyway, or run start-claude s3-download");
            condition = WriteCondition.From(remote?.Info);
        }
        else if (!Force)
        {
            // Replace only the version this machine last agreed on: another device's newer upload is
            // never overwritten by accident (--force does that on purpose).
            var agreed = stateStore.ReadBase(target.Settings);
            condition = agreed?.ETag is { } etag ? new WriteCondition.MustMatch(etag) : new WriteCondition.MustNotExist();
            honoursConditions = await engine.ConditionalWritesAsync(target).ConfigureAwait(false);
        }

        try
        {
            await transfer.UploadAsync(target, condition, honoursConditions).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw Changed(target, stateStore.ReadBase(target.Settings));
        }
        console.Plain($"Uploaded {Counts.Configs(target.Local.ForRemote().LiveConfigs.Count)} to {target.RemoteName} ({target.Remote.Endpoint}).");
        if (Json)
        {
            var json = JsonOutput.Result("s3-upload");
            json["remote"] = target.RemoteName;
            json["outcome"] = "uploaded";
            json["configs"] = target.Local.ForRemote().LiveConfigs.Count;
            json["encrypted"] = target.Codec.Encrypts;
            console.WriteJson(json);
        }
        return 0;
    }

    private static SyncConflictException Changed(SyncTarget target, SyncBase? agreed) => new(agreed is null
        ? $"{target.RemoteName} exists and this machine has never synced with it; run start-claude s3-sync to merge, or s3-upload --force to replace it"
        : $"{target.RemoteName} changed since this machine last synced; run start-claude s3-sync to merge, or s3-upload --force to replace it");
}
