using StartClaude.Abstractions;
using System.Globalization;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Documents;
using StartClaude.Core.Providers;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-status", Description = "Show the S3 sync settings (secrets masked), the remote document, and what changed on each side since the last sync.")]
internal sealed class S3StatusCommand(SyncTargetLoader loader, SyncStateStore stateStore, SyncEngine engine, ProviderCatalog providers, Core.Teams.TeamStateStore teams, ToolConsole console) : JsonCommandBase
{
    public async Task<int> OnExecuteAsync()
    {
        var target = loader.Open();
        var settings = target.Settings;
        var provider = providers.Get(settings.ProviderId);
        var sources = target.Sources;
        string From(SettingField field) => sources.TryGetValue(field, out var source) ? $" (from {source})" : "";

        // Plain aligned lines: easy to read and to grep, with no trailing padding.
        void Row(string name, string value) => console.Plain($"{name + ":",-16}{value}");
        Row("Provider", $"{provider.DisplayName} ({provider.Id})");
        Row("Bucket", settings.Bucket);
        Row("Key", settings.Key);
        Row("Endpoint", target.Store.Endpoint + From(SettingField.EndpointUrl));
        Row("Region", settings.Region + From(SettingField.Region));
        Row("Proxy", target.Store.Proxy is { } proxy ? $"{proxy} (from HTTP_PROXY/HTTPS_PROXY)" : "none");
        Row("Access key", SecretMask.Mask(settings.AccessKeyId) + From(SettingField.AccessKeyId));
        Row("Secret key", "set" + From(SettingField.SecretAccessKey) + (settings.SessionToken is null ? "" : ", with a session token"));
        Row("Encryption", target.Codec.IsSealed ? "on: the remote document is an age file encrypted to this person's machines' keys (s3-machines lists them)"
            : target.Codec.Encrypts ? "on: the remote document is an age file (passphrase)" : "off: the remote document is plain JSON");
        if (PlainHttpWarning.For(target.Store.Endpoint, target.Codec.Encrypts) is { } plainHttp)
            console.Warn(plainHttp);
        Row("Local configs", target.Local.LiveConfigs.Count.ToString(CultureInfo.InvariantCulture));
        if (target.Local.ClaudeChoice is { IsEmpty: false } claude)
            Row("Claude Code", $"{target.Local.ClaudeItemCount.ToString(CultureInfo.InvariantCulture)} items here ({string.Join(", ", claude.Kinds.Select(k => TerminalText.Escape(k)))})");
        var teamNames = teams.Names();
        if (teamNames.Count > 0)
            Row("Teams", $"{string.Join(", ", teamNames)} (start-claude team sync; s3-sync syncs them after your own document)");
        // Built only for --json: the null-conditional assignments below then evaluate nothing.
        var json = Json ? JsonOutput.Result("s3-status") : null;
        json?["provider"] = provider.Id;
        json?["bucket"] = settings.Bucket;
        json?["key"] = settings.Key;
        json?["endpoint"] = target.Store.Endpoint;
        json?["region"] = settings.Region;
        json?["proxy"] = target.Store.Proxy;
        json?["accessKeyId"] = SecretMask.Mask(settings.AccessKeyId);
        json?["encryption"] = target.Codec.Encrypts;
        json?["encryptedTo"] = target.Codec.IsSealed ? "machines" : target.Codec.Encrypts ? "passphrase" : null;
        json?["teams"] = new System.Text.Json.Nodes.JsonArray([.. teamNames.Select(n => (System.Text.Json.Nodes.JsonNode)n)]);
        json?["localConfigs"] = target.Local.LiveConfigs.Count;
        json?["sources"] = new System.Text.Json.Nodes.JsonObject(sources.OrderBy(p => p.Key).Select(p =>
            KeyValuePair.Create(char.ToLowerInvariant(p.Key.ToString()[0]) + p.Key.ToString()[1..], (System.Text.Json.Nodes.JsonNode?)p.Value)));

        var (inputs, decision) = await engine.DecideAsync(target, new SyncRequest.TwoWay()).ConfigureAwait(false);
        // Status shows what the planner says, question and all; it never answers one.
        var status = decision.Standing;
        var question = decision.Match<SyncQuestion?>(_ => null, ask => ask.Question, _ => null);
        foreach (var warning in status.Warnings)
            console.Warn(warning);
        if (inputs.Remote is not { } remote)
        {
            Row("Remote", "no remote document yet");
            Row("State", status.WritesRemote ? "local only: run start-claude s3-sync to upload" : "nothing to sync yet");
            json?["remote"] = null;
            json?["publiclyReadable"] = null;
            json?["state"] = JsonWords.State(status.State);
            json?["pending"] = null;
            json?["localChanges"] = null;
            json?["remoteChanges"] = null;
            json?["difference"] = null;
            return Finish(json);
        }

        Row("Remote", remote.Info.Size >= 0
            ? $"exists, {Sizes.Describe(remote.Info.Size)}, last modified {Times.Describe(remote.Info.LastModified)}"
            : "exists, unchanged since the last sync");
        Row("Remote configs", remote.Document.LiveConfigs.Count.ToString(CultureInfo.InvariantCulture));
        var publiclyReadable = await IsPubliclyReadableAsync(target).ConfigureAwait(false);
        if (publiclyReadable)
            console.Warn($"the remote document can be read without credentials (an anonymous request got it): anyone with its URL can read {(target.Codec.Encrypts ? "its ciphertext" : "your API keys")}. Make the bucket private.");
        Row("State", status.State switch
        {
            SyncState.InSync => "in sync",
            SyncState.LocalChanges => "local changes: run start-claude s3-sync to upload them",
            SyncState.RemoteChanges => "remote changes: run start-claude s3-sync to download them",
            SyncState.BothChanged => "both changed: run start-claude s3-sync to merge",
            _ => question is SyncQuestion.Conflicts
                ? "local and remote differ (never synced from here): run start-claude s3-sync to merge them (it asks about the configs that differ)"
                : "local and remote differ (never synced from here): run start-claude s3-sync to merge them",
        });
        if (question is SyncQuestion.EmptiedRemote or SyncQuestion.RemoteWentBack)
            console.Warn($"{status.Reason}: start-claude s3-sync will ask before applying that here");
        if (decision.Match<string?>(_ => null, _ => null, refuse => refuse.Reason) is { } refused)
            console.Warn(refused);
        if (status.State == SyncState.DifferNeverSynced && status.Difference is not null)
        {
            foreach (var line in status.Difference.Describe())
                console.Plain("  " + line);
        }
        else
        {
            SyncReportWriter.WriteChanges(console, "Changes here", status.LocalChanges);
            SyncReportWriter.WriteChanges(console, "Changes on the remote", status.RemoteChanges);
        }

        json?["remote"] = JsonOutput.Remote(remote.Info, remote.Document.LiveConfigs.Count, remote.Downloaded);
        json?["publiclyReadable"] = publiclyReadable;
        json?["state"] = JsonWords.State(status.State);
        json?["pending"] = question is null ? null : JsonWords.Question(question);
        json?["localChanges"] = JsonOutput.Changes(status.LocalChanges);
        json?["remoteChanges"] = JsonOutput.Changes(status.RemoteChanges);
        json?["difference"] = status.State == SyncState.DifferNeverSynced ? JsonOutput.Difference(status.Difference) : null;
        return Finish(json);
    }

    private int Finish(System.Text.Json.Nodes.JsonObject? json)
    {
        if (json is not null)
            console.WriteJson(json);
        return 0;
    }

    // An extra anonymous request, so not on every status: a private answer is trusted for a day,
    // a public one is checked again each time until it is fixed.
    private async Task<bool> IsPubliclyReadableAsync(SyncTarget target)
    {
        var now = DateTimeOffset.UtcNow;
        if (stateStore.ReadPublicCheck(target.Settings) is { Public: false } known && known.At <= now && now - known.At < PublicCheckInterval)
            return false;
        var answer = await target.Store.IsPubliclyReadableAsync().ConfigureAwait(false);
        if (answer is { } isPublic)
            stateStore.SavePublicCheck(target.Settings, isPublic, now);
        return answer == true;
    }

    private static readonly TimeSpan PublicCheckInterval = TimeSpan.FromDays(1);
}
