using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Commands.Setup;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

/// <summary>
/// The setup wizard. Nothing is written until every question is answered and the connection works,
/// so cancelling at any point (Ctrl-C or a cancel choice) leaves config.json exactly as it was.
/// </summary>
[Command("s3-setup", Description = "Set up S3 sync: asks on a terminal, or takes every answer from flags. Tests the connection before saving.")]
internal sealed class S3SetupCommand(HomeLock homeLock, 
    LocalConfigStore localStore,
    SyncStateStore stateStore,
    ProviderCatalog providers,
    RemoteStoreFactory remotes,
    Prompts prompts,
    ToolConsole console,
    AppEnvironment environment)
{
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

    private enum Retry
    {
        ReEnter,
        Cancel,
    }

    public async Task<int> OnExecuteAsync()
    {
        using var homeLockHeld = homeLock.Acquire();
        var local = localStore.Read() ?? ConfigDocument.CreateEmpty();
        var stored = StoredOrNull(local);
        var provider = ChooseProvider(stored);
        var flags = new SettingsInput(Bucket, Region, AccessKeyId, SecretAccessKey ?? environment.Get(SetupQuestions.SecretVariable), EndpointUrl, Key);
        var questions = new SetupQuestions(prompts, console);

        var previous = stored?.ProviderId == provider.Id ? SettingsInput.From(stored) : null;
        var settings = questions.Gather(provider, flags, previous, askEverything: false);
        ConfirmReplacement(stored, settings);

        RemoteDocumentStore store;
        RemoteObject? remote;
        while (true)
        {
            store = remotes.Create(settings);
            try
            {
                remote = await TestConnectionAsync(provider, store).ConfigureAwait(false);
                break;
            }
            catch (RemoteStoreException ex) when (prompts.CanAsk && ex.Kind is not RemoteFailureKind.PreconditionFailed)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                var retry = prompts.Choose("The connection test failed. What now?",
                    [(Retry.ReEnter, "Re-enter the settings"), (Retry.Cancel, "Cancel: change nothing")], "--yes");
                if (retry == Retry.Cancel)
                    throw new CancelledByUserException();
                settings = questions.Gather(provider, flags, SettingsInput.From(settings), askEverything: true);
            }
        }

        var target = new SyncTarget(local.WithS3Sync(settings), settings, store);
        var plan = new SetupRemoteStep(prompts, console, new SyncDecisions(null, prompts, console)).Decide(target.Local, remote);
        await ApplyAsync(target, plan, remote).ConfigureAwait(false);
        Summarize(provider, settings, plan);
        return 0;
    }

    private async Task<RemoteObject?> TestConnectionAsync(IStorageProvider provider, RemoteDocumentStore store)
    {
        var what = $"Testing the connection to {provider.DisplayName}, bucket '{store.Settings.Bucket}'...";
        async Task<RemoteObject?> Test()
        {
            var info = await store.ProbeAsync().ConfigureAwait(false);
            return info is null ? null : await store.ReadAsync().ConfigureAwait(false);
        }

        RemoteObject? remote;
        if (console.IsInteractive)
            remote = await console.Out.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(what), _ => Test()).ConfigureAwait(false);
        else
        {
            console.Plain(what);
            remote = await Test().ConfigureAwait(false);
        }
        console.Plain("Connection OK.");
        return remote;
    }

    private async Task ApplyAsync(SyncTarget target, SetupPlan plan, RemoteObject? remote)
    {
        // Remote first: if the upload fails, nothing here has changed.
        var etag = plan.RemoteETag;
        if (plan.Upload)
        {
            var condition = remote?.Info.ETag is { } seen ? new WriteCondition.MustMatch(seen) : (WriteCondition)new WriteCondition.MustNotExist();
            etag = await target.Remote.WriteAsync(DocumentTransfer.RemoteBytes(plan.Local), condition).ConfigureAwait(false);
        }
        localStore.Write(plan.Local);
        if (plan.Agreed is not null)
            stateStore.SaveBase(target.Settings, plan.Agreed, etag);
    }

    private void Summarize(IStorageProvider provider, S3SyncSettings settings, SetupPlan plan)
    {
        console.Plain($"Saved the S3 settings to {localStore.ConfigPath}.");
        console.Plain(plan.Outcome);
        console.Plain("");
        console.Plain("Sync is set up:");
        console.Plain($"  Service:     {provider.DisplayName}");
        console.Plain($"  Document:    s3://{settings.Bucket}/{settings.Key}");
        console.Plain($"  Access key:  {SecretMask.Mask(settings.AccessKeyId)}");
        console.Plain($"  Configs:     {plan.Local.LiveConfigs.Count} here");
        console.Plain("Next: start-claude s3-sync to sync, start-claude s3-status to see where things stand.");
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
        var current = stored is null ? null : providers.Find(stored.ProviderId);
        return prompts.ChooseStartingWith(
            "Which storage service holds your configs?",
            [.. providers.All.Select(p => (p, p == current ? $"{p.DisplayName} (current)" : p.DisplayName))],
            "--provider",
            current);
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
}
