using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.History;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

/// <summary>
/// Makes an old version of the remote document the current one again. The planner decides (nothing to
/// restore, a version without configs to confirm, the write condition); the one writer writes it as a new
/// version, then here, then the base. Other devices take it at their next sync.
/// </summary>
[Command("s3-restore", Description = "Make an older version of the remote document (see s3-history) the current one, here and for every device at its next sync.")]
internal sealed class S3RestoreCommand(
    HomeLock homeLock,
    SyncTargetLoader loader,
    SyncEngine personalEngine,
    Core.Teams.TeamTargets teams,
    IPassphraseSource passphrases,
    Prompts prompts,
    ToolConsole console) : JsonCommandBase
{
    /// <summary>Longest version id accepted; services use a few dozen characters.</summary>
    public const int MaxVersionIdLength = 1024;

    [Argument(0, "version", Description = "The version id, as s3-history lists it.")]
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "name the version to restore (start-claude s3-history lists them)")]
    public string Version { get; set; } = "";

    [Option("--team <NAME>", Description = "Restore a version of a team's document (written again under its current members, signed by this machine).")]
    public string? Team { get; set; }

    [Option("--dry-run", Description = "Show what restoring would change and change nothing.")]
    public bool DryRun { get; set; }

    [Option("-y|--yes", Description = "Restore without asking.")]
    public bool Yes { get; set; }

    [Option("-f|--force", Description = "Restore even a version that holds no configs (it deletes every config, here and for every device).")]
    public bool Force { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var versionId = Version.Trim();
        if (versionId.Length == 0 || versionId.Length > MaxVersionIdLength || versionId.Any(c => c <= ' ' || c > '~'))
            throw new UsageException("a version id is printable ASCII without spaces, as start-claude s3-history lists it");
        // Checked before any network call: without a terminal the question could never be answered.
        if (!DryRun && !Yes && !prompts.CanAsk)
            throw new UsageException("restoring replaces the remote document and the configs here, and there is no terminal to ask: pass --yes (or --dry-run to see what it would change)");

        using var homeLockHeld = homeLock.Acquire();
        var team = Team is null ? null : teams.Open(Team);
        var target = team?.Target ?? loader.Open();
        var engine = team?.Engine ?? personalEngine;
        var remembered = target.Local.S3Sync?.RememberedPassphrase;
        var decoder = new VersionDecoder(target.Codec, () => passphrases.Get(target.RemoteName, remembered, isNew: false));
        var version = await new RemoteVersionStore(target.Store).ReadAsync(versionId).ConfigureAwait(false);
        var request = new SyncRequest.Restore(versionId, decoder.Decode(version), DateTimeOffset.UtcNow);
        var answerer = new PromptedSyncAnswerer(Force ? ConflictSide.Remote : null, prompts, console, QuestionWording.Restore);

        // First what restoring would change, then (unless --yes) the question, then the write: conditional on
        // the remote as shown, so a write by another device meanwhile is never overwritten.
        var inputs = await engine.ReadAsync(target, request).ConfigureAwait(false);
        var preview = await engine.RunAsync(target, request, answerer, dryRun: true, firstInputs: inputs).ConfigureAwait(false);
        foreach (var warning in preview.Warnings)
            console.Warn(warning);
        var json = JsonOutput.Result("s3-restore");
        json["remote"] = target.RemoteName;
        json["versionId"] = versionId;
        json["dryRun"] = DryRun;
        json["remoteChanges"] = JsonOutput.Changes(preview.RemoteChanges);
        json["localChanges"] = JsonOutput.Changes(preview.LocalChanges);
        if (preview.Pending is null && preview.Outcome == SyncOutcome.NothingToDo)
        {
            console.Plain($"Version {versionId} says the same as the current document of {target.RemoteName} and the configs here: nothing to restore.");
            json["outcome"] = JsonWords.Outcome(SyncOutcome.NothingToDo);
            return Finish(json);
        }

        console.Plain($"Restoring version {versionId} of {target.RemoteName} ({Counts.Configs(request.Version.LiveConfigs.Count)}) changes:");
        SyncReportWriter.WriteChanges(console, "On the remote (for every device)", preview.RemoteChanges);
        SyncReportWriter.WriteChanges(console, "Here", preview.LocalChanges);
        if (target.Local.Configs.Any(c => c.IsLocalOnly))
            console.Plain("Local-only configs stay as they are.");
        if (DryRun)
        {
            if (preview.Pending is SyncQuestion.EmptiedRemote emptied)
                console.Warn($"{emptied.Why}: restoring it needs --force");
            console.Plain("Dry run: nothing was changed.");
            json["outcome"] = "would-restore";
            return Finish(json);
        }
        if (!Yes && !prompts.Confirm("Restore this version?", "--yes", defaultValue: false))
        {
            // A confirmation answered no is not a failure (docs/exit-codes.md).
            console.Plain("Nothing restored.");
            json["outcome"] = JsonWords.Outcome(SyncOutcome.NothingToDo);
            return Finish(json);
        }

        try
        {
            await engine.RunOnceAsync(target, request, answerer, inputs).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
                $"another device wrote {target.RemoteName} while restoring; nothing was overwritten and nothing here changed. See start-claude s3-history, then run s3-restore again", ex);
        }
        var written = engine.BaseETag(target);
        console.Plain($"Restored version {versionId}: it is the current document of {target.RemoteName} and the configs here; other devices take it at their next sync. The previous config.json is in the backups (start-claude backups).");
        json["outcome"] = "restored";
        json["etag"] = written;
        return Finish(json);
    }

    private int Finish(JsonObject json)
    {
        if (Json)
            console.WriteJson(json);
        return 0;
    }
}
