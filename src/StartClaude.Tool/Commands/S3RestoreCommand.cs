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
/// Makes an old version of the remote document the current one again: its content is written as a new
/// version (conditional on the current one's ETag, so a write by another device in between is never
/// overwritten), then here, and recorded as the agreed base. Other devices take it at their next sync.
/// </summary>
[Command("s3-restore", Description = "Make an older version of the remote document (see s3-history) the current one, here and for every device at its next sync.")]
internal sealed class S3RestoreCommand(
    HomeLock homeLock,
    SyncTargetLoader loader,
    SyncStateStore stateStore,
    SyncWriter writer,
    IPassphraseSource passphrases,
    Prompts prompts,
    ToolConsole console) : JsonCommandBase
{
    /// <summary>Longest version id accepted; services use a few dozen characters.</summary>
    public const int MaxVersionIdLength = 1024;

    [Argument(0, "version", Description = "The version id, as s3-history lists it.")]
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "name the version to restore (start-claude s3-history lists them)")]
    public string Version { get; set; } = "";

    [Option("--dry-run", Description = "Show what restoring would change and change nothing.")]
    public bool DryRun { get; set; }

    [Option("-y|--yes", Description = "Restore without asking.")]
    public bool Yes { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var versionId = Version.Trim();
        if (versionId.Length == 0 || versionId.Length > MaxVersionIdLength || versionId.Any(c => c <= ' ' || c > '~'))
            throw new UsageException("a version id is printable ASCII without spaces, as start-claude s3-history lists it");
        // Checked before any network call: without a terminal the question could never be answered.
        if (!DryRun && !Yes && !prompts.CanAsk)
            throw new UsageException("restoring replaces the remote document and the configs here, and there is no terminal to ask: pass --yes (or --dry-run to see what it would change)");

        using var homeLockHeld = homeLock.Acquire();
        var target = loader.Open();
        var versions = new RemoteVersionStore(target.Remote);
        var remembered = target.Local.S3Sync?.RememberedPassphrase;
        var decoder = new VersionDecoder(target.Codec, () => passphrases.Get(target.RemoteName, remembered, isNew: false));
        // An old version may break the rules a document keeps (unique names, one default): repaired as every read is.
        var repair = DocumentInvariants.Repair(decoder.Decode(await versions.ReadAsync(versionId).ConfigureAwait(false)), $"version {versionId}");
        if (repair.Warning is { } repaired)
            console.Warn(repaired);
        var restored = repair.Document;

        var current = await target.Remote.ReadAsync().ConfigureAwait(false);
        var currentDocument = current is null ? ConfigDocument.CreateEmpty() : decoder.Decode(current);
        // Built before anything is written: a shared config clashing with a local-only one stops here.
        var newLocal = restored.WithSyncSettingsOf(target.Local);
        var remoteChanges = DocumentDifference.Between(restored, currentDocument);
        var localChanges = DocumentDifference.Between(newLocal.ForRemote(), target.Local.ForRemote());

        var json = JsonOutput.Result("s3-restore");
        json["remote"] = target.RemoteName;
        json["versionId"] = versionId;
        json["dryRun"] = DryRun;
        json["remoteChanges"] = JsonOutput.Changes(remoteChanges);
        json["localChanges"] = JsonOutput.Changes(localChanges);

        if (remoteChanges.IsEmpty && localChanges.IsEmpty)
        {
            console.Plain($"Version {versionId} says the same as the current document of {target.RemoteName} and the configs here: nothing to restore.");
            json["outcome"] = "unchanged";
            return Finish(json);
        }

        console.Plain($"Restoring version {versionId} of {target.RemoteName} ({Counts.Configs(restored.LiveConfigs.Count)}) changes:");
        SyncReportWriter.WriteChanges(console, "On the remote (for every device)", remoteChanges);
        SyncReportWriter.WriteChanges(console, "Here", localChanges);
        if (target.Local.Configs.Any(c => c.IsLocalOnly))
            console.Plain("Local-only configs stay as they are.");
        if (DryRun)
        {
            console.Plain("Dry run: nothing was changed.");
            json["outcome"] = "would-restore";
            return Finish(json);
        }
        if (!Yes && !prompts.Confirm("Restore this version?", "--yes", defaultValue: false))
            throw new CancelledByUserException();

        // The one writer carries it out: the remote first (conditional on the current version, labelled
        // with this device), then config.json (its previous content goes to the backups), then the base.
        var condition = current?.Info.ETag is { } etag ? new WriteCondition.MustMatch(etag) : WriteCondition.From(current?.Info);
        var conditionalWrites = stateStore.ReadConditionalWrites(target.Settings) ?? true;
        var plan = new SyncPlan(SyncState.BothChanged, SyncOutcome.Merged, $"restored version {versionId}", newLocal, SharedDocument.FromLocal(newLocal),
            localChanges, remoteChanges, null, [], condition, conditionalWrites, [])
        {
            WritesLocal = true,
        };
        var inputs = new SyncInputs(target.Local, null, stateStore.ReadBase(target.Settings), conditionalWrites);
        try
        {
            await writer.CarryOutAsync(target, inputs, plan).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed,
                $"another device wrote {target.RemoteName} while restoring; nothing was overwritten and nothing here changed. See start-claude s3-history, then run s3-restore again", ex);
        }
        var written = stateStore.ReadBase(target.Settings)?.ETag;
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
