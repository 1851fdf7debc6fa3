using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Core.Setup;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>
/// Runs setup: the service and its settings (flags, the AWS sources, or questions), the connection test,
/// the document's form and passphrase, then the planner's join of the two sides. Questions are asked
/// without holding the home lock (a person may take minutes); the lock is taken to read config.json again
/// and write, and the plan is made from what is there then.
/// </summary>
internal sealed class SetupWizard(
    HomeLock homeLock,
    LocalConfigStore localStore,
    SyncEngine engine,
    ProviderCatalog providers,
    RemoteStoreFactory remotes,
    Prompts prompts,
    ToolConsole console,
    AppEnvironment environment,
    IPassphraseSource passphrases,
    Core.ClaudeCode.MachineDocumentStore machine,
    Core.ClaudeCode.ClaudeFolder claudeFolder,
    MachineKeysSetup machineKeysSetup)
{
    private enum Retry
    {
        ReEnter,
        Cancel,
    }

    public async Task RunAsync(SetupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = localStore.Read() ?? ConfigDocument.CreateEmpty();
        var stored = StoredOrNull(local);
        var provider = ChooseProvider(options.Provider, stored);
        var previousForProvider = stored?.ProviderId == provider.Id ? stored : null;
        var givenId = options.Flags.AccessKeyId ?? previousForProvider?.AccessKeyId;
        // AWS_SECRET_ACCESS_KEY answers the secret's question as a flag would when setup is scripted (or given other
        // flags); in the wizard it is only the value Enter keeps, so it does not turn the wizard into a scripted run.
        var environmentAsFlag = !prompts.CanAsk || options.Flags != new SettingsInput();
        var flags = options.Flags with { SecretAccessKey = options.Flags.SecretAccessKey ?? (givenId is not null && environmentAsFlag ? options.EnvironmentSecret : null) };
        // With no credentials given at all, scripted setup uses the standard AWS sources instead and saves none of what it took from them.
        var fromAws = new HashSet<SettingField>();
        string? sessionToken = null;
        if (!prompts.CanAsk)
        {
            var start = previousForProvider is null ? flags : SetupQuestions.Overlay(SettingsInput.From(previousForProvider), flags);
            var (filled, sources, token) = providers.FillFromAws(start, "given");
            foreach (var (field, _) in sources.Where(s => s.Value != "given"))
            {
                fromAws.Add(field);
                flags = flags.With(field, filled.Get(field));
            }
            sessionToken = token?.Value;
        }
        var questions = new SetupQuestions(prompts, console);
        var previous = previousForProvider is null ? null : SettingsInput.From(previousForProvider);
        if (!environmentAsFlag && givenId is not null && options.EnvironmentSecret is { } environmentSecret)
            previous = (previous ?? new SettingsInput()) with { SecretAccessKey = environmentSecret };
        var settings = questions.Gather(provider, flags, previous, askEverything: false, options.AcceptNewRegion) with { SessionToken = sessionToken };
        ConfirmReplacement(stored, settings, options.Yes);
        var (store, remote) = await ConnectAsync(provider, settings, flags, questions, options.AcceptNewRegion).ConfigureAwait(false);
        settings = store.Settings;

        // What is there comes first; the passphrase is asked once the remote's form is known: a new one
        // twice, an existing one is checked by opening the document before anything is written.
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        var remoteEncrypted = remote is not null && DocumentCodec.IsEncrypted(remote.Content);
        if (remote is not null)
            console.Plain($"Found a remote document: {Sizes.Describe(remote.Info.Size)}, last written {Times.Describe(remote.Info.LastModified)}, {(remoteEncrypted ? "encrypted (age)" : "plain JSON")}.");
        var storedSection = stored is not null && SetupRules.SameRemote(stored, settings) ? local.S3Sync : null;
        var machineKeys = options.MachineKeys || options.MachinesId is not null || (options.Encrypt is null && storedSection?.EncryptTo == Core.Machines.MachineKeys.EncryptTo);
        if (!machineKeys && remote is not null && Core.Machines.MachineKeys.IsSealed(remote))
            throw new UsageException($"{remoteName} is encrypted to machine keys: join it with start-claude s3-setup --encrypt --machine-keys (with the passphrase, or with --machines-id ID after a machine on it ran s3-machines add); nothing was changed");
        var encrypt = machineKeys || ChooseEncryption(options.Encrypt, storedSection, remote is null ? null : remoteEncrypted);
        if (PlainHttpWarning.For(store.Endpoint, encrypt) is { } plainHttp)
            console.Warn(plainHttp);
        string? passphrase = null;
        ConfigDocument? remoteDocument = null;
        var remoteInfo = remote?.Info;
        MachineKeysOpening? opening = null;
        if (machineKeys)
        {
            opening = await machineKeysSetup.OpenAsync(settings, store, remote, options.MachinesId, options.DeviceName, storedSection?.RememberedPassphrase).ConfigureAwait(false);
            (remoteDocument, remoteInfo) = (opening.RemoteDocument, opening.RemoteInfo);
        }
        else
        {
            if (encrypt || remoteEncrypted)
                passphrase = passphrases.Get(remoteName, storedSection?.RememberedPassphrase, isNew: encrypt && !remoteEncrypted);
            if (remote is not null && !remoteEncrypted)
                remoteDocument = DocumentCodec.Plain.Decode(remote);
            else if (remote is not null)
                (remoteDocument, passphrase) = OpenEncrypted(remote, remoteName, passphrase!);
        }
        // On machine keys the passphrase is needed only to join: nothing to remember.
        var remember = encrypt && !machineKeys && (options.RememberPassphrase || (prompts.CanAsk && prompts.Confirm(
            "Remember the passphrase on this machine (in config.json, readable only by you)? Otherwise commands ask for it or read START_CLAUDE_PASSPHRASE.",
            "--remember-passphrase", defaultValue: storedSection?.RememberedPassphrase is not null)));
        if (fromAws.Count > 0)
        {
            console.Plain($"Not saved, read from the standard AWS sources at each run: {string.Join(", ", fromAws.Order().Select(f => SetupQuestions.FlagOf(f).Split(' ')[0]))}.");
            // Only the profile's name would find them again, and it is not saved either: say so now, not at the next failure.
            if (environment.Get("AWS_PROFILE") is { Length: > 0 } profile)
                console.Warn($"these come from the AWS profile '{TerminalText.Bounded(profile)}': keep AWS_PROFILE={TerminalText.Bounded(profile)} set whenever start-claude runs, or run s3-setup again with the values as flags to save them");
        }

        var claude = new ClaudeFilesQuestion(prompts, console, claudeFolder).Ask(options.ClaudeKinds, StoredClaudeChoice(local), encrypt);

        ConfigDocument Configured(ConfigDocument document)
        {
            var configured = document.WithS3Sync(settings, omit: fromAws).WithEncryption(encrypt, remember ? passphrase : null, machineKeys ? Core.Machines.MachineKeys.EncryptTo : null).WithClaudeChoice(claude);
            return machine.WithClaudeItems(options.DeviceName is { } name ? configured.WithDeviceName(name) : configured);
        }
        var codec = opening?.Codec ?? (encrypt ? DocumentCodec.Encrypted(() => passphrase!) : DocumentCodec.Plain);
        var snapshot = remoteDocument is null ? null : new RemoteSnapshot(remoteDocument, remoteInfo!, Downloaded: true);
        if (remoteDocument is not null)
            console.Plain($"The remote document holds {Counts.Configs(remoteDocument.LiveConfigs.Count)}.");
        var request = new SyncRequest.Join(RewriteRemote: opening?.RewriteRemote ?? (remote is not null && remoteEncrypted != encrypt));
        var answerer = new PromptedSyncAnswerer(null, prompts, console, QuestionWording.Sync);
        var unlocked = new SyncTarget(Configured(local), settings, store) { Codec = codec };
        var answers = engine.Settle(request, engine.InputsFor(unlocked, snapshot), answerer);

        SyncReport report;
        using (homeLock.Acquire())
        {
            // Read again under the lock: another command may have changed config.json while questions were open.
            var target = unlocked with { Local = Configured(localStore.Read() ?? ConfigDocument.CreateEmpty()) };
            report = await engine.RunAsync(target, request, answerer, dryRun: false, firstInputs: engine.InputsFor(target, snapshot), answers: answers).ConfigureAwait(false);
        }
        if (opening is not null)
        {
            machineKeysSetup.Commit(opening);
            console.Plain(opening.Message);
        }
        else if (request.RewriteRemote && report.Plan.WritesRemote)
            console.Plain(encrypt ? "Re-uploaded the remote document encrypted: the bucket now holds only ciphertext." : "Re-uploaded the remote document as plain JSON.");
        new SetupSummary(console, localStore.ConfigPath).Write(provider, settings, report, snapshot is not null, answers, encrypt, remember, machineKeys);
    }

    private async Task<(RemoteDocumentStore Store, RemoteObject? Remote)> ConnectAsync(IStorageProvider provider, S3SyncSettings settings, SettingsInput flags,
        SetupQuestions questions, bool acceptNewRegion)
    {
        var connection = new SetupConnection(console);
        while (true)
        {
            var store = remotes.Create(settings);
            try
            {
                return (store, await connection.TestAsync(provider, store).ConfigureAwait(false));
            }
            catch (RemoteStoreException ex) when (prompts.CanAsk && ex.Kind is not RemoteFailureKind.PreconditionFailed)
            {
                // Without the message's "re-run start-claude s3-setup": the menu below is that way.
                console.Error.WriteLine($"error: {ex.Problem}");
                var retry = prompts.Choose("The connection test failed. What now?",
                    [(Retry.ReEnter, "Re-enter the settings"), (Retry.Cancel, "Cancel: change nothing")], "--yes");
                if (retry == Retry.Cancel)
                    throw new CancelledByUserException();
                settings = questions.Gather(provider, flags, SettingsInput.From(settings), askEverything: true, acceptNewRegion);
            }
        }
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
    private bool ChooseEncryption(bool? flag, S3SyncSection? storedSection, bool? remoteEncrypted)
    {
        var choice = SetupRules.Encryption(flag, prompts.CanAsk, remoteEncrypted, storedSection?.Encrypt);
        if (choice.Decided is { } decided)
            return decided;
        var question = remoteEncrypted switch
        {
            null => "Encrypt the document in the bucket with a passphrase (age format)? The bucket then never holds your API keys in plain text.",
            true => "The remote document is encrypted (age). Keep it encrypted? No re-uploads it as plain JSON, and every other device that shares it must then turn encryption off too (s3-setup --no-encrypt).",
            false => "The remote document is plain JSON. Encrypt it? Yes re-uploads it encrypted, and every other device that shares it must then turn encryption on too (s3-setup --encrypt) or it stops syncing.",
        };
        return prompts.Confirm(question, "--encrypt or --no-encrypt", defaultValue: choice.Default);
    }

    // A choice stored in a shape this version does not read is asked (or given) again.
    private static Core.ClaudeCode.ClaudeChoice StoredClaudeChoice(ConfigDocument local)
    {
        try
        {
            return local.ClaudeChoice;
        }
        catch (LocalConfigException)
        {
            return Core.ClaudeCode.ClaudeChoice.None;
        }
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

    private IStorageProvider ChooseProvider(string? given, S3SyncSettings? stored)
    {
        if (given is not null)
            return providers.Get(given.Trim());
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

    private void ConfirmReplacement(S3SyncSettings? stored, S3SyncSettings settings, bool yes)
    {
        if (stored is null || !SetupRules.NeedsReplacementConfirmation(stored, settings, yes))
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
