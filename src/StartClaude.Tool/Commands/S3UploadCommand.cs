using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-upload", Description = "Upload the local configs, replacing the remote document (S3 settings never leave this machine).")]
internal sealed class S3UploadCommand(HomeLock homeLock, SyncTargetLoader loader, SyncEngine engine, SyncStateStore stateStore, Prompts prompts, ToolConsole console) : JsonCommandBase
{
    [Option("-f|--force", Description = "Replace the remote document even when it changed since this machine last synced, or when there are no local configs and it has some.")]
    public bool Force { get; set; }

    // A forced upload reads nothing, but on machine keys it encrypts to the list this machine knows: where the remote
    // still opens, its list is the newer one (a machine may have joined since), so a forced write keeps that machine.
    // A remote that does not open is what --force replaces: the list known here is then all there is.
    private static async Task LearnCurrentListAsync(SyncTarget target)
    {
        try
        {
            _ = await RemoteSnapshot.ReadAsync(target.Remote, target.Codec, null).ConfigureAwait(false);
        }
        catch (StartClaudeException ex) when (ex is not LocalConfigException)
        {
        }
    }

    public async Task<int> OnExecuteAsync()
    {
        using var homeLockHeld = homeLock.Acquire();
        var target = loader.Open();
        if (Force && target.Codec.IsSealed)
            await LearnCurrentListAsync(target).ConfigureAwait(false);
        SyncReport report;
        try
        {
            // An upload asks nothing: the planner either plans it or refuses (exit 3, naming --force).
            report = await engine.RunOnceAsync(target, new SyncRequest.Upload(Force), new PromptedSyncAnswerer(null, prompts, console, QuestionWording.Sync)).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw Changed(target, stateStore.ReadBase(target.Settings));
        }
        foreach (var warning in report.Warnings)
            console.Warn(warning);
        var configs = SharedDocument.FromLocal(report.Plan.Result).LiveConfigs.Count;
        console.Plain($"Uploaded {Counts.Configs(configs)} to {target.RemoteName} ({target.Store.Endpoint}).");
        if (Json)
        {
            var json = JsonOutput.Result("s3-upload");
            json["remote"] = target.RemoteName;
            json["outcome"] = JsonWords.Outcome(SyncOutcome.Uploaded);
            json["configs"] = configs;
            json["encrypted"] = target.Codec.Encrypts;
            console.WriteJson(json);
        }
        return 0;
    }

    private static SyncConflictException Changed(SyncTarget target, SyncBase? agreed) => new(agreed is null
        ? $"{target.RemoteName} exists and this machine has never synced with it; run start-claude s3-sync to merge, or s3-upload --force to replace it"
        : $"{target.RemoteName} changed since this machine last synced; run start-claude s3-sync to merge, or s3-upload --force to replace it");
}
