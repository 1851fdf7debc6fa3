using System.Globalization;
using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.History;
using StartClaude.Core.Providers;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-history", Description = "List the remote document's versions kept by the bucket, newest first: when, which device, how many configs; with --changes, what each changed.")]
internal sealed class S3HistoryCommand(SyncTargetLoader loader, Core.Teams.TeamTargets teams, ProviderCatalog providers, IPassphraseSource passphrases, ToolConsole console) : JsonCommandBase
{
    [Option("--team <NAME>", Description = "The history of a team's document instead of yours (each version checked for a member's signature when shown with --changes).")]
    public string? Team { get; set; }

    public const int DefaultLimit = 20;

    [Option("--limit <N>", Description = "Show at most N versions (default 20).")]
    [System.ComponentModel.DataAnnotations.Range(1, RemoteVersionStore.MaxVersions, ErrorMessage = "--limit must be a number from 1 to 1000")]
    public int Limit { get; set; } = DefaultLimit;

    [Option("--changes", Description = "Also show which configs each version added, removed or changed (secrets masked): one download per version shown.")]
    public bool Changes { get; set; }

    [Option("--enable-versioning", Description = "Turn on the bucket's versioning first (needs s3:PutBucketVersioning), so every later write keeps the one before.")]
    public bool EnableVersioning { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var target = Team is null ? loader.Open() : teams.Open(Team).Target;
        var versions = new RemoteVersionStore(target.Store);
        var provider = providers.Get(target.Settings.ProviderId);
        var state = await versions.ReadVersioningAsync().ConfigureAwait(false);
        if (EnableVersioning)
        {
            if (state == VersioningState.Unsupported)
                throw new UsageException($"{provider.DisplayName} keeps no object versions, so versioning cannot be turned on there; this machine's backups (start-claude backups) are the history");
            if (state != VersioningState.Enabled)
            {
                await versions.EnableVersioningAsync().ConfigureAwait(false);
                console.Plain($"Turned on versioning for bucket '{target.Settings.Bucket}': from now on every write keeps the version before it.");
                state = VersioningState.Enabled;
            }
        }

        var json = JsonOutput.Result("s3-history");
        json["remote"] = target.RemoteName;
        json["versioning"] = VersionHistoryWriter.StateName(state);
        var list = new JsonArray();
        json["versions"] = list;
        if (state == VersioningState.Unsupported)
        {
            console.Plain($"{provider.DisplayName} keeps no object versions: there is no bucket history of {target.RemoteName}. This machine's backups are the history there: start-claude backups.");
            return Finish(json);
        }

        var listed = await versions.ListAsync(Limit + (Changes ? 1 : 0)).ConfigureAwait(false);
        var shown = listed.Take(Limit).ToList();
        var documents = Changes ? await ReadAllAsync(versions, target, listed).ConfigureAwait(false) : null;
        var writer = new VersionHistoryWriter(console);
        writer.ExplainState(state, target.Settings.Bucket, shown.Count);
        if (shown.Count == 0)
        {
            console.Plain($"There is no remote document at {target.RemoteName} yet.");
            return Finish(json);
        }

        console.Plain($"Versions of {target.RemoteName}, newest first:");
        var idWidth = writer.Header(shown);
        for (var i = 0; i < shown.Count; i++)
        {
            var entry = writer.Row(shown[i], idWidth);
            if (documents is not null)
                entry["changes"] = writer.Changes(documents, olderListed: listed.Count > Limit, i);
            list.Add(entry);
        }
        if (shown.Any(v => v.IsLatest))
            console.Plain($"* the current document. Restore an older one with: start-claude s3-restore VERSION{(Team is null ? "" : " --team " + Team)}");
        return Finish(json);
    }

    private int Finish(JsonObject json)
    {
        if (Json)
            console.WriteJson(json);
        return 0;
    }

    private Task<IReadOnlyList<(ConfigDocument? Document, string? Problem)>> ReadAllAsync(RemoteVersionStore versions, SyncTarget target, IReadOnlyList<RemoteVersion> listed)
    {
        var remembered = target.Local.S3Sync?.RememberedPassphrase;
        var decoder = new VersionDecoder(target.Codec, () => passphrases.Get(target.RemoteName, remembered, isNew: false));
        return VersionDocuments.ReadAllAsync(versions, decoder, listed);
    }
}
