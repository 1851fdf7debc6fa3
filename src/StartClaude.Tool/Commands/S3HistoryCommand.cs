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
internal sealed class S3HistoryCommand(SyncTargetLoader loader, ProviderCatalog providers, IPassphraseSource passphrases, ToolConsole console) : JsonCommandBase
{
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
        var target = loader.Open();
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
        json["versioning"] = StateName(state);
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
        ExplainState(state, target, shown.Count);
        if (shown.Count == 0)
        {
            console.Plain($"There is no remote document at {target.RemoteName} yet.");
            return Finish(json);
        }

        console.Plain($"Versions of {target.RemoteName}, newest first:");
        // As wide as the longest id shown (AWS's are 32 characters, MinIO's and moto's 36 UUIDs): header and rows line up.
        var idWidth = shown.Max(v => TerminalText.Escape(v.VersionId).Length);
        idWidth = Math.Max(idWidth, "VERSION".Length);
        console.Plain($"  {"VERSION".PadRight(idWidth)} {"WRITTEN",-23} {"SIZE",9}  {"CONFIGS",7}  DEVICE");
        for (var i = 0; i < shown.Count; i++)
        {
            var version = shown[i];
            var marker = version.IsLatest ? "*" : " ";
            var configs = version.Configs?.ToString(CultureInfo.InvariantCulture) ?? "?";
            // Details the service would not give are unknown, not absent: "(not recorded)" would state a fact.
            var device = version.DetailsUnreadable ? "(could not be read)" : version.Device ?? "(not recorded)";
            console.Plain($"{marker} {TerminalText.Escape(version.VersionId).PadRight(idWidth)} {Times.Describe(version.LastModified),-23} {Sizes.Describe(version.Size),9}  {configs,7}  {device}");
            var entry = new JsonObject
            {
                ["versionId"] = version.VersionId,
                ["lastModified"] = JsonOutput.Time(version.LastModified),
                ["size"] = version.Size,
                ["device"] = version.Device,
                ["configs"] = version.Configs,
                ["isLatest"] = version.IsLatest,
                ["detailsRead"] = !version.DetailsUnreadable,
            };
            if (documents is not null)
                entry["changes"] = WriteChanges(documents, listed, i);
            list.Add(entry);
        }
        if (shown.Any(v => v.IsLatest))
            console.Plain("* the current document. Restore an older one with: start-claude s3-restore VERSION");
        return Finish(json);
    }

    private int Finish(JsonObject json)
    {
        if (Json)
            console.WriteJson(json);
        return 0;
    }

    private void ExplainState(VersioningState state, SyncTarget target, int count)
    {
        var bucket = target.Settings.Bucket;
        var turnOn = $"Turn it on with: start-claude s3-history --enable-versioning (needs s3:PutBucketVersioning), or with the service's own tools (for AWS: aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled).";
        switch (state)
        {
            case VersioningState.Off:
                console.Warn($"versioning is off for bucket '{bucket}': it keeps only the current document, so there is no older version to list or restore. {turnOn} Until then this machine's backups are the history: start-claude backups.");
                break;
            case VersioningState.Suspended:
                console.Warn($"versioning is suspended for bucket '{bucket}': the {count} version(s) kept so far are listed, but new writes replace the current one. {turnOn}");
                break;
        }
    }

    // Each version's document, or the reason it cannot be read; versions listed beyond the shown ones are read
    // only to tell what the oldest shown one changed.
    private async Task<IReadOnlyList<(ConfigDocument? Document, string? Problem)>> ReadAllAsync(RemoteVersionStore versions, SyncTarget target, IReadOnlyList<RemoteVersion> listed)
    {
        var remembered = target.Local.S3Sync?.RememberedPassphrase;
        var decoder = new VersionDecoder(target.Codec, () => passphrases.Get(target.RemoteName, remembered, isNew: false));
        var read = new List<(ConfigDocument?, string?)>();
        foreach (var version in listed)
        {
            try
            {
                read.Add((decoder.Decode(await versions.ReadAsync(version.VersionId).ConfigureAwait(false)), null));
            }
            catch (Exception ex) when (ex is DocumentFormatException or RemoteEncryptionException)
            {
                read.Add((null, ex.Message));
            }
        }
        return read;
    }

    private JsonNode? WriteChanges(IReadOnlyList<(ConfigDocument? Document, string? Problem)> documents, IReadOnlyList<RemoteVersion> listed, int index)
    {
        var (document, problem) = documents[index];
        if (document is null)
        {
            console.Plain($"    cannot read this version: {problem}");
            return null;
        }
        // The oldest version listed in full is compared with nothing before it: all it holds is "added".
        ConfigDocument? before;
        if (index + 1 < documents.Count)
            before = documents[index + 1].Document;
        else
            before = listed.Count <= Limit ? ConfigDocument.CreateEmpty() : null;
        if (before is null)
        {
            console.Plain("    (the version before it cannot be read)");
            return null;
        }
        var difference = DocumentDifference.Between(document, before);
        foreach (var line in difference.DescribeChanges())
            console.Plain("    " + line);
        if (difference.IsEmpty)
            console.Plain("    no change to the configs");
        return JsonOutput.Changes(difference);
    }

    private static string StateName(VersioningState state) => state switch
    {
        VersioningState.Enabled => "enabled",
        VersioningState.Suspended => "suspended",
        VersioningState.Off => "off",
        _ => "unsupported",
    };
}
