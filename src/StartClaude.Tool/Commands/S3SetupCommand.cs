using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
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
    AppEnvironment environment,
    IPassphraseSource passphrases)
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

    [Option("--encrypt", Description = "Keep the document in the bucket encrypted (age format, passphrase from a prompt or START_CLAUDE_PASSPHRASE): the bucket then holds only ciphertext.")]
    public bool Encrypt { get; set; }

    [Option("--no-encrypt", Description = "Keep the document in the bucket as plain JSON (an encrypted one is re-uploaded in plain form).")]
    public bool NoEncrypt { get; set; }

    [Option("--device-name <NAME>", Description = "This machine's name in the bucket's history (s3-history); default: the host name.")]
    public string? DeviceName { get; set; }

    [Option("--remember-passphrase", Description = "With --encrypt: keep the passphrase in this machine's config.json (mode 0600) so later commands need not ask.")]
    public bool RememberPassphrase { get; set; }

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
        var previousForProvider = stored?.ProviderId == provider.Id ? stored : null;
        // AWS_SECRET_ACCESS_KEY stands in for --secret-access-key beside a given access key id (kept out
        // of shell history, saved like the flag). With no credentials given at all, scripted setup uses
        // the standard AWS sources instead and saves none of what it took from them.
        var givenId = AccessKeyId ?? previousForProvider?.AccessKeyId;
        var flags = new SettingsInput(Bucket, Region, AccessKeyId, SecretAccessKey ?? (givenId is not null ? environment.Get(SetupQuestions.SecretVariable) : null), EndpointUrl, Key);
        var fromAws = new HashSet<SettingField>();
        string? sessionToken = null;
        if (!prompts.CanAsk)
        {
            var start = previousForProvider is null ? flags : SetupQuestions.Overlay(SettingsInput.From(previousForProvider), flags);
            var (filled, sources, token) = providers.FillFromAws(start, "given");
            foreach (var (field, source) in sources.Where(s => s.Value != "given"))
            {
                fromAws.Add(field);
                flags = flags.With(field, filled.Get(field));
            }
            sessionToken = token?.Value;
        }
        var questions = new SetupQuestions(prompts, console);

        var previous = previousForProvider is null ? null : SettingsInput.From(previousForProvider);
        var settings = questions.Gather(provider, flags, previous, askEverything: false) with { SessionToken = sessionToken };
        ConfirmReplacement(stored, settings);
        if (Encrypt && NoEncrypt)
            throw new UsageException("--encrypt and --no-encrypt contradict each other");
        if (RememberPassphrase && NoEncrypt)
            throw new UsageException("--remember-passphrase goes with --encrypt");
        if (DeviceName is not null && (DeviceName.Trim().Length is 0 or > WriterLabel.MaxDeviceLength || DeviceName.Any(char.IsControl)))
            throw new UsageException($"--device-name takes a name of 1 to {WriterLabel.MaxDeviceLength} characters without control characters");

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

        // The passphrase is asked once the remote's form is known: a new one twice, an existing one
        // is checked by opening the document before anything is written.
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        var remoteEncrypted = remote is not null && DocumentCodec.IsEncrypted(remote.Content);
        var storedSection = stored is not null && SameRemote(stored, settings) ? local.S3Sync : null;
        var encrypt = ChooseEncryption(storedSection, remoteEncrypted);
        string? passphrase = null;
        if (encrypt || remoteEncrypted)
            passphrase = passphrases.Get(remoteName, storedSection?.RememberedPassphrase, isNew: encrypt && !remoteEncrypted);
        var remoteDocument = remote is null ? null
            : (remoteEncrypted ? DocumentCodec.Encrypted(() => passphrase!) : DocumentCodec.Plain).Decode(remote);
        var remember = encrypt && (RememberPassphrase || (prompts.CanAsk && prompts.Confirm(
            "Remember the passphrase on this machine (in config.json, readable only by you)? Otherwise commands ask for it or read START_CLAUDE_PASSPHRASE.",
            "--remember-passphrase", defaultValue: storedSection?.RememberedPassphrase is not null)));

        var withSettings = local.WithS3Sync(settings, omit: fromAws).WithEncryption(encrypt, remember ? passphrase : null);
        if (DeviceName is not null)
            withSettings = withSettings.WithDeviceName(DeviceName);
        if (fromAws.Count > 0)
            console.Plain($"Not saved, read from the standard AWS sources at each run: {string.Join(", ", fromAws.Order().Select(f => SetupQuestions.FlagOf(f).Split(' ')[0]))}.");
        var target = new SyncTarget(withSettings, settings, store)
        {
            Codec = encrypt ? DocumentCodec.Encrypted(() => passphrase!) : DocumentCodec.Plain,
        };
        var plan = new SetupRemoteStep(prompts, console, new SyncDecisions(null, prompts, console)).Decide(target.Local, remote, remoteDocument);
        await ApplyAsync(target, plan, remote, remoteEncrypted != encrypt ? remoteDocument : null).ConfigureAwait(false);
        Summarize(provider, settings, plan, encrypt, remember);
        return 0;
    }

    // Only --no-encrypt (or a "no" on a terminal) turns encryption off: a scripted setup that says
    // nothing keeps an encrypted remote encrypted rather than re-uploading it in plain text.
    private bool ChooseEncryption(S3SyncSection? storedSection, bool remoteEncrypted)
    {
        if (Encrypt || NoEncrypt)
            return Encrypt;
        if (!prompts.CanAsk)
            return remoteEncrypted || (storedSection?.Encrypt ?? false);
        return prompts.Confirm(
            remoteEncrypted
                ? "The remote document is encrypted (age). Keep it encrypted?"
                : "Encrypt the document in the bucket with a passphrase (age format)? The bucket then never holds your API keys in plain text.",
            "--encrypt or --no-encrypt", defaultValue: remoteEncrypted || (storedSection?.Encrypt ?? true));
    }

    private static bool SameRemote(S3SyncSettings a, S3SyncSettings b) =>
        a.ProviderId == b.ProviderId && a.Bucket == b.Bucket && a.Key == b.Key && a.EndpointUrl == b.EndpointUrl;

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

    /// <param name="reencode">The remote document, when it is to be re-uploaded in the other form (encryption turned on or off).</param>
    private async Task ApplyAsync(SyncTarget target, SetupPlan plan, RemoteObject? remote, ConfigDocument? reencode)
    {
        // Remote first: if the upload fails, nothing here has changed. The agreed object is the one
        // read, or the one written in its place.
        var agreedObject = remote?.Info;
        var condition = remote?.Info.ETag is { } seen ? new WriteCondition.MustMatch(seen) : (WriteCondition)new WriteCondition.MustNotExist();
        var upload = plan.Upload ? plan.Local : reencode;
        if (upload is not null)
        {
            var body = target.Codec.Encode(upload);
            var etag = await target.Remote.WriteAsync(body, condition, writer: WriterLabel.For(upload, target.Local)).ConfigureAwait(false);
            agreedObject = new RemoteObjectInfo(body.Length, DateTimeOffset.UtcNow, etag);
            if (!plan.Upload)
            {
                console.Plain(target.Codec.Encrypts
                    ? "Re-uploaded the remote document encrypted: the bucket now holds only ciphertext."
                    : "Re-uploaded the remote document as plain JSON.");
            }
        }
        localStore.Write(plan.Local);
        if (plan.Agreed is not null)
            stateStore.SaveBase(target.Settings, plan.Agreed, agreedObject);
    }

    private void Summarize(IStorageProvider provider, S3SyncSettings settings, SetupPlan plan, bool encrypt, bool remember)
    {
        console.Plain($"Saved the S3 settings to {localStore.ConfigPath}.");
        console.Plain(plan.Outcome);
        console.Plain("");
        console.Plain("Sync is set up:");
        console.Plain($"  Service:     {provider.DisplayName}");
        console.Plain($"  Document:    s3://{settings.Bucket}/{settings.Key}");
        console.Plain($"  Access key:  {SecretMask.Mask(settings.AccessKeyId)}");
        console.Plain($"  Encryption:  {(encrypt ? $"on (age, passphrase{(remember ? " remembered on this machine" : $" asked for, or read from {PassphrasePrompt.Variable}")})" : "off (plain JSON in the bucket)")}");
        console.Plain($"  Configs:     {plan.Local.LiveConfigs.Count} here");
        console.Plain($"  Device name: {plan.Local.DeviceName ?? WriterLabel.DefaultDeviceName()} (in the bucket's history)");
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
        if (SameRemote(stored, settings))
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
