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
    SyncWriter writer,
    ProviderCatalog providers,
    RemoteStoreFactory remotes,
    Prompts prompts,
    ToolConsole console,
    AppEnvironment environment,
    IPassphraseSource passphrases) : CommandBase
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

    [Option(SetupQuestions.AcceptRegionFlag, Description = "Accept a --region this version does not list (a region newer than the tool).")]
    public bool AcceptNewRegion { get; set; }

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
        var settings = questions.Gather(provider, flags, previous, askEverything: false, AcceptNewRegion) with { SessionToken = sessionToken };
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
                settings = questions.Gather(provider, flags, SettingsInput.From(settings), askEverything: true, AcceptNewRegion);
            }
        }

        // What is there comes first; the passphrase is asked once the remote's form is known: a new
        // one twice, an existing one is checked by opening the document before anything is written.
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        var remoteEncrypted = remote is not null && DocumentCodec.IsEncrypted(remote.Content);
        if (remote is not null)
            console.Plain($"Found a remote document: {Sizes.Describe(remote.Info.Size)}, last written {Times.Describe(remote.Info.LastModified)}, {(remoteEncrypted ? "encrypted (age)" : "plain JSON")}.");
        var storedSection = stored is not null && SameRemote(stored, settings) ? local.S3Sync : null;
        var encrypt = ChooseEncryption(storedSection, remote is not null, remoteEncrypted);
        if (PlainHttpWarning.For(store.Endpoint, encrypt) is { } plainHttp)
            console.Warn(plainHttp);
        string? passphrase = null;
        if (encrypt || remoteEncrypted)
            passphrase = passphrases.Get(remoteName, storedSection?.RememberedPassphrase, isNew: encrypt && !remoteEncrypted);
        ConfigDocument? remoteDocument = null;
        if (remote is not null && !remoteEncrypted)
            remoteDocument = DocumentCodec.Plain.Decode(remote);
        else if (remote is not null)
            (remoteDocument, passphrase) = OpenEncrypted(remote, remoteName, passphrase!);
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
        var inputs = new SyncInputs(withSettings,
            remote is null ? null : new RemoteSnapshot(remoteDocument!, remote.Info, Downloaded: true),
            stateStore.ReadBase(settings),
            stateStore.ReadConditionalWrites(settings) ?? true);
        var plan = new SetupRemoteStep(prompts, console, new SyncDecisions(null, prompts, console)).Decide(inputs);
        await ApplyAsync(target, inputs, plan, remoteEncrypted != encrypt).ConfigureAwait(false);
        Summarize(provider, settings, plan, encrypt, remember);
        return 0;
    }

    // A wrong passphrase is asked again on a terminal (PassphrasePrompt.Tries in all); one from the
    // environment is not: the script that set it cannot type another.
    private (ConfigDocument Document, string Passphrase) OpenEncrypted(RemoteObject remote, string remoteName, string passphrase)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (DocumentCodec.Encrypted(() => passphrase).Decode(remote), passphrase);
            }
            catch (RemoteEncryptionException) when (attempt < PassphrasePrompt.Tries && prompts.CanAsk && environment.Get(PassphrasePrompt.Variable) is null)
            {
                prompts.Explain("That passphrase does not open the remote document; try again.");
                passphrase = passphrases.Get(remoteName, remembered: null, isNew: false);
            }
        }
    }

    // The default follows the remote's current form: every device sharing it reads that form, so
    // changing it takes a flag (--encrypt / --no-encrypt) or a "yes" to a question that says so.
    private bool ChooseEncryption(S3SyncSection? storedSection, bool remoteExists, bool remoteEncrypted)
    {
        if (Encrypt || NoEncrypt)
            return Encrypt;
        if (!prompts.CanAsk)
            return remoteExists ? remoteEncrypted : storedSection?.Encrypt ?? false;
        if (!remoteExists)
        {
            return prompts.Confirm(
                "Encrypt the document in the bucket with a passphrase (age format)? The bucket then never holds your API keys in plain text.",
                "--encrypt or --no-encrypt", defaultValue: storedSection?.Encrypt ?? true);
        }
        return prompts.Confirm(
            remoteEncrypted
                ? "The remote document is encrypted (age). Keep it encrypted? No re-uploads it as plain JSON, and every other device that shares it must then turn encryption off too (s3-setup --no-encrypt)."
                : "The remote document is plain JSON. Encrypt it? Yes re-uploads it encrypted, and every other device that shares it must then turn encryption on too (s3-setup --encrypt) or it stops syncing.",
            "--encrypt or --no-encrypt", defaultValue: remoteEncrypted);
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
        if (console.IsInteractive && console.Out.Profile.Capabilities.Ansi)
        {
            using var spinning = CancelKeyCleanup.WhileSpinning();
            remote = await console.Out.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(what), _ => Test()).ConfigureAwait(false);
        }
        else
        {
            console.Plain(what);
            remote = await Test().ConfigureAwait(false);
        }
        console.Plain("Connection OK.");
        return remote;
    }

    /// <param name="changesForm">Encryption is turned on or off for an existing remote document: it is re-uploaded in the new form.</param>
    private async Task ApplyAsync(SyncTarget target, SyncInputs inputs, SetupPlan plan, bool changesForm)
    {
        // Remote first: if the upload fails, nothing here has changed.
        if (changesForm && inputs.Remote is { } remote && plan.Carry?.WritesRemote != true)
        {
            var written = await writer.WriteRemoteAsync(target, remote.Document, WriteCondition.From(remote.Info)).ConfigureAwait(false);
            inputs = inputs with { Remote = remote with { Info = written } };
            console.Plain(target.Codec.Encrypts
                ? "Re-uploaded the remote document encrypted: the bucket now holds only ciphertext."
                : "Re-uploaded the remote document as plain JSON.");
        }
        if (plan.Carry is { } carry)
            await writer.CarryOutAsync(target, inputs, carry with { WritesLocal = true }).ConfigureAwait(false);
        else
            localStore.Write(plan.Local);
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
