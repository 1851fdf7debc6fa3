using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Tool.Commands;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Configs;

/// <summary>
/// Applies an edit to config.json under the home lock and, when S3 sync is set up, syncs it at once
/// (three-way rules; on a terminal a real conflict is asked about). The local change is written
/// first and stays whatever happens to the upload; a failed upload is a warning that says how to retry.
/// </summary>
internal sealed class ConfigChanges(
    LocalConfigStore localStore,
    HomeLock homeLock,
    SyncTargetLoader loader,
    SyncEngine engine,
    Prompts prompts,
    ToolConsole console)
{
    public ConfigDocument Current() => localStore.ReadOrEmpty();

    /// <param name="edit">The change, made to the document as it is when the lock is held.</param>
    /// <param name="saved">Says what was done, once it is written here and before any upload.</param>
    public async Task<ConfigEdit> ApplyAsync(Func<ConfigDocument, ConfigEdit> edit, Action<ConfigEdit> saved)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(saved);
        using var held = homeLock.Acquire();
        // A file broken by hand or by another tool is held to the rules first, so the edit finds one config per name.
        var current = DocumentInvariants.Repair(localStore.ReadOrEmpty(), localStore.ConfigPath);
        if (current.Warning is { } repaired)
            console.Warn(repaired);
        var result = edit(current.Document);
        localStore.Write(result.Document);
        saved(result);
        await PublishAsync(result.Document).ConfigureAwait(false);
        return result;
    }

    private async Task PublishAsync(ConfigDocument document)
    {
        try
        {
            if (document.S3Sync is null)
                return;
            var target = loader.Open();
            var report = await engine.RunAsync(target, new SyncRequest.TwoWay(), new PromptedSyncAnswerer(null, prompts, console, QuestionWording.AfterEdit), dryRun: false).ConfigureAwait(false);
            foreach (var warning in report.Warnings)
                console.Warn(warning);
            var done = report.Outcome switch
            {
                SyncOutcome.Uploaded => $"Uploaded to {target.RemoteName}.",
                SyncOutcome.Merged => $"Merged with changes from another device and uploaded to {target.RemoteName}.",
                SyncOutcome.Downloaded => $"Took the newer configs from {target.RemoteName}.",
                _ => null,
            };
            if (done is not null)
                console.Plain(done);
        }
        catch (StartClaudeException ex) when (ex is not CancelledByUserException)
        {
            console.Warn($"the change is saved here but was not uploaded: {ex.Message}. Run start-claude s3-sync to retry.");
        }
        catch (CancelledByUserException)
        {
            console.Warn("the change is saved here but was not uploaded (cancelled). Run start-claude s3-sync when ready.");
        }
    }
}
