using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Documents;
using StartClaude.Core.Providers;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-status", Description = "Show the S3 sync settings (secrets masked), the remote document and whether it differs from the local one.")]
internal sealed class S3StatusCommand(SyncTargetLoader loader, ProviderCatalog providers, ToolConsole console)
{
    public async Task<int> OnExecuteAsync()
    {
        var target = loader.Open();
        var settings = target.Settings;
        var provider = providers.Get(settings.ProviderId);

        // Plain aligned lines: easy to read and to grep, with no trailing padding.
        void Row(string name, string value) => console.Plain($"{name + ":",-16}{value}");
        Row("Provider", $"{provider.DisplayName} ({provider.Id})");
        Row("Bucket", settings.Bucket);
        Row("Key", settings.Key);
        Row("Endpoint", target.Remote.Endpoint);
        Row("Region", settings.Region);
        Row("Access key", SecretMask.Mask(settings.AccessKeyId));
        Row("Local configs", target.Local.LiveConfigs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var remote = await target.Remote.ReadAsync().ConfigureAwait(false);
        if (remote is null)
        {
            Row("Remote", "no remote document yet");
            Row("State", target.Local.HasLiveConfigs ? "local only: run start-claude s3-upload or s3-sync" : "nothing to sync yet");
            return 0;
        }

        Row("Remote", $"exists, {Sizes.Describe(remote.Info.Size)}, last modified {Times.Describe(remote.Info.LastModified)}");
        var remoteDocument = DocumentTransfer.ParseRemote(remote);
        Row("Remote configs", remoteDocument.LiveConfigs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var difference = DocumentDifference.Between(target.Local, remoteDocument);
        Row("State", difference.IsEmpty ? "in sync" : "local and remote differ: run start-claude s3-sync");
        foreach (var line in difference.Describe())
            console.Plain("  " + line);
        return 0;
    }
}
