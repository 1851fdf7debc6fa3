using McMaster.Extensions.CommandLineUtils;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("s3-setup", Description = "Set up S3 sync: asks on a terminal, or takes every answer from flags. Tests the connection before saving.")]
internal sealed class S3SetupCommand(
    LocalConfigStore localStore,
    ProviderCatalog providers,
    RemoteStoreFactory remotes,
    DocumentTransfer transfer,
    Prompts prompts,
    ToolConsole console,
    AppEnvironment environment)
{
    public const string SecretVariable = "AWS_SECRET_ACCESS_KEY";

    [Option("--provider <ID>", Description = "aws-s3, cloudflare-r2, backblaze-b2 or s3-compatible.")]
    public string? Provider { get; set; }

    [Option("--bucket <NAME>", Description = "Bucket name.")]
    public string? Bucket { get; set; }

    [Option("--region <REGION>", Description = "Region (AWS: us-east-1 by default; R2: auto; B2: for example us-west-004).")]
    public string? Region { get; set; }

    [Option("--access-key-id <ID>", Description = "Access key id (R2 token, B2 application key id).")]
    public string? AccessKeyId { get; set; }

    [Option("--secret-access-key <SECRET>", Description = "Secret access key. Prefer the AWS_SECRET_ACCESS_KEY environment variable: it stays out of shell history.")]
    public string? SecretAccessKey { get; set; }

    [Option("--endpoint-url <URL>", Description = "Endpoint URL: required for R2 and S3-compatible services; B2 derives it from the region.")]
    public string? EndpointUrl { get; set; }

    [Option("--key <PATH>", Description = "Object key of the document in the bucket (default start-claude-config.json).")]
    public string? Key { get; set; }

    [Option("-y|--yes", Description = "Replace existing S3 settings without asking.")]
    public bool Yes { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var local = localStore.Read() ?? ConfigDocument.CreateEmpty();
        var stored = StoredOrNull(local);
        var provider = ChooseProvider(stored);
        var settings = Gather(provider, stored?.ProviderId == provider.Id ? stored : null);
        ConfirmReplacement(stored, settings);

        console.Plain($"Testing the connection to {provider.DisplayName}, bucket '{settings.Bucket}'...");
        var store = remotes.Create(settings);
        var remoteInfo = await store.ProbeAsync().ConfigureAwait(false);
        console.Plain("Connection OK.");

        var saved = local.WithS3Sync(settings);
        localStore.Write(saved);
        console.Plain($"Saved the S3 settings to {localStore.ConfigPath}.");

        await FollowUpAsync(new SyncTarget(saved, settings, store), remoteInfo).ConfigureAwait(false);
        return 0;
    }

    private S3SyncSettings? StoredOrNull(ConfigDocument local)
    {
        try
        {
            return providers.StoredSettings(local);
        }
        catch (LocalConfigException)
        {
            // Unusable stored settings are what setup is for: start afresh.
            return null;
        }
    }

    private IStorageProvider ChooseProvider(S3SyncSettings? stored)
    {
        if (Provider is not null)
            return providers.Get(Provider.Trim());
        if (!prompts.CanAsk)
        {
            return stored is not null
                ? providers.Get(stored.ProviderId)
                : throw new UsageException($"--provider is required without a terminal: one of {string.Join(", ", providers.All.Select(p => p.Id))}");
        }
        return prompts.Choose(
            "Which storage service holds your configs?",
            [.. providers.All.Select(p => (p, p.DisplayName))],
            "--provider",
            stored is null ? null : providers.Find(stored.ProviderId));
    }

    private S3SyncSettings Gather(IStorageProvider provider, S3SyncSettings? stored)
    {
        var flags = new SettingsInput(Bucket, Region, AccessKeyId, SecretAccessKey ?? environment.Get(SecretVariable), EndpointUrl, Key);
        var input = stored is null ? new SettingsInput() : SettingsInput.From(stored);
        foreach (var field in Enum.GetValues<SettingField>())
        {
            if (flags.Get(field) is { } given)
                input = input.With(field, given);
        }

        if (prompts.CanAsk && !AllFlagsGiven(provider, flags))
            input = Ask(provider, input, flags);

        var resolution = provider.Resolve(input);
        if (resolution.IsValid)
            return resolution.Settings!;
        var reasons = resolution.Problems.Select(p => input.Get(p.Field) is null
            ? $"{FlagOf(p.Field)} is required ({p.Message})"
            : $"{FlagOf(p.Field)}: {p.Message}");
        throw new UsageException(string.Join("; ", reasons));
    }

    private static bool AllFlagsGiven(IStorageProvider provider, SettingsInput flags) =>
        provider.Resolve(flags).IsValid;

    private SettingsInput Ask(IStorageProvider provider, SettingsInput input, SettingsInput flags)
    {
        // A partly scripted run asks only what neither a flag, a stored value nor a default answers.
        var partlyScripted = Enum.GetValues<SettingField>().Any(f => flags.Get(f) is not null);
        console.Plain($"{provider.DisplayName} settings (Enter keeps the value shown):");
        foreach (var question in provider.PromptScript)
        {
            if (flags.Get(question.Field) is not null)
                continue;
            var current = input.Get(question.Field) ?? question.SuggestedDefault?.Invoke(input);
            if (partlyScripted && current is not null)
            {
                input = input.With(question.Field, current);
                continue;
            }
            if (question.Hint is { } hint)
                console.Plain("  " + hint);
            var label = question.IsSecret && current is not null ? $"{question.Label} (Enter keeps {SecretMask.Mask(current)})" : question.Label;
            var answered = input;
            var answer = prompts.Ask(label, FlagOf(question.Field), current,
                value => provider.CheckAnswer(question.Field, value.Trim(), answered), question.IsSecret);
            input = input.With(question.Field, question.IsSecret ? answer : answer.Trim());
        }
        return input;
    }

    private void ConfirmReplacement(S3SyncSettings? stored, S3SyncSettings settings)
    {
        if (stored is null || stored == settings || Yes)
            return;
        var changesTarget = stored.ProviderId != settings.ProviderId || stored.Bucket != settings.Bucket
                            || stored.Key != settings.Key || stored.EndpointUrl != settings.EndpointUrl;
        if (!changesTarget)
            return;
        if (!prompts.CanAsk)
            throw new UsageException($"S3 sync is already set up for s3://{stored.Bucket}/{stored.Key}; pass --yes to replace those settings");
        var keep = prompts.Choose(
            $"S3 sync is set up for s3://{stored.Bucket}/{stored.Key}. Replace those settings?",
            [(false, "Yes, replace them"), (true, "No, cancel")],
            "--yes");
        if (keep)
            throw new CancelledByUserException();
    }

    private async Task FollowUpAsync(SyncTarget target, RemoteObjectInfo? remoteInfo)
    {
        var (saved, store, remoteName) = (target.Local, target.Remote, target.RemoteName);
        if (remoteInfo is null)
        {
            transfer.RecordAgreement(target, ConfigDocument.CreateEmpty(), null);
            console.Plain(saved.HasLiveConfigs
                ? $"No remote document at {remoteName} yet. Run start-claude s3-sync to upload your {Counts.Configs(saved.LiveConfigs.Count)}."
                : $"No remote document at {remoteName} yet. Add configs, then run start-claude s3-sync.");
            return;
        }

        var remote = await store.ReadAsync().ConfigureAwait(false);
        if (remote is null)
        {
            console.Plain($"The remote document at {remoteName} has just gone. Run start-claude s3-sync.");
            return;
        }
        console.Plain($"Found a remote document at {remoteName}: {Sizes.Describe(remote.Info.Size)}, last modified {Times.Describe(remote.Info.LastModified)}.");
        var remoteDocument = DocumentTransfer.ParseRemote(remote);
        if (!saved.HasLiveConfigs)
        {
            var written = transfer.ApplyDownload(target, remoteDocument, remote.Info.ETag, DownloadMode.Replace);
            console.Plain($"There were no configs here, so the remote document was downloaded: {Counts.Configs(written.LiveConfigs.Count)}.");
            return;
        }

        var difference = DocumentDifference.Between(saved, remoteDocument);
        if (difference.IsEmpty)
        {
            transfer.RecordAgreement(target, remoteDocument, remote.Info.ETag);
            console.Plain("Local and remote configs are already the same.");
            return;
        }
        console.Plain("Local and remote configs differ:");
        foreach (var line in difference.Describe())
            console.Plain("  " + line);
        console.Plain("Nothing was changed. Run start-claude s3-sync to choose which side wins.");
    }

    internal static string FlagOf(SettingField field) => field switch
    {
        SettingField.Bucket => "--bucket",
        SettingField.Region => "--region",
        SettingField.AccessKeyId => "--access-key-id",
        SettingField.SecretAccessKey => $"--secret-access-key (or {SecretVariable})",
        SettingField.EndpointUrl => "--endpoint-url",
        SettingField.Key => "--key",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
