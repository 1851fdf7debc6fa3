using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Machines;
using StartClaude.Core.Remote;
using StartClaude.Core.Teams;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>
/// Setup's step for a remote on machine keys: switches a plain, passphrase-encrypted or missing document over
/// (the passphrase key made and stored, the first list), joins one already on machine keys (pinned by
/// --machines-id after an approval, or with the passphrase: one scrypt run), or opens it with the list this
/// machine keeps. What it returns is what the planner's join then works with.
/// </summary>
internal sealed class MachineKeysSetup(MachineKeysMembership membership, MachineSeals seals, MachineListStore lists, MachineIdentityStore identities, IPassphraseSource passphrases)
{
    /// <param name="remote">The document as the connection test read it, or null when there is none.</param>
    /// <summary>Once setup has saved its settings: keeps the list a document has yet to be written under.</summary>
    public void Commit(MachineKeysOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        if (opening.Unwritten is { } state && KnownList(state.Key) is null)
            lists.Write(state);
    }

    public async Task<MachineKeysOpening> OpenAsync(S3SyncSettings settings, RemoteDocumentStore store, RemoteObject? remote, string? machinesId, string? deviceName, string? rememberedPassphrase)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        if (machinesId is not null && (machinesId.Length != 64 || !machinesId.All(char.IsAsciiHexDigitLower)))
            throw new Core.Errors.UsageException("--machines-id takes the id 'start-claude s3-machines add' printed (64 hex digits)");
        if (remote is not null && MachineKeys.IsSealed(remote))
            return await JoinAsync(settings, store, remote, remoteName, machinesId, deviceName, rememberedPassphrase).ConfigureAwait(false);
        if (machinesId is not null)
            throw new Core.Errors.UsageException($"--machines-id joins a remote already on machine keys, and {remoteName} is {(remote is null ? "not there" : "not on machine keys")}: switch it over on one machine with start-claude s3-setup --encrypt --machine-keys");

        // Switch-over: the passphrase opens a passphrase-encrypted document once more, then protects only the passphrase key.
        var encrypted = remote is not null && DocumentCodec.IsEncrypted(remote.Content);
        var passphrase = passphrases.Get(remoteName, rememberedPassphrase, isNew: !encrypted);
        ConfigDocument? document = null;
        if (remote is not null)
            document = encrypted ? DocumentCodec.Encrypted(() => passphrase, null, passphrases.WhileDeriving).Decode(remote) : DocumentCodec.Plain.Decode(remote);
        var seal = await membership.SwitchOverAsync(settings, MachineKeys.MachineName(deviceName), passphrase, passphrases.WhileDeriving).ConfigureAwait(false);
        return new MachineKeysOpening(DocumentCodec.Sealed(seal), document, remote?.Info, RewriteRemote: remote is not null,
            remote is null
                ? $"The remote document will be encrypted to this machine's key and the passphrase key ({MachineKeys.KeysObjectKey(settings.Key)}) from its first upload; syncs run no scrypt."
                : $"The remote document is now encrypted to this machine's key and the passphrase key ({MachineKeys.KeysObjectKey(settings.Key)}); later syncs run no scrypt.")
        {
            // With no document yet, nothing written states the list: the first upload (s3-sync) writes under this one.
            Unwritten = remote is null ? seal.State : null,
        };
    }

    private async Task<MachineKeysOpening> JoinAsync(S3SyncSettings settings, RemoteDocumentStore store, RemoteObject remote, string remoteName, string? machinesId, string? deviceName, string? rememberedPassphrase)
    {
        TeamSeal seal;
        string message;
        if (machinesId is not null)
        {
            // Approved by a machine already in: the list must start at the id it printed and name this machine's key.
            seal = seals.For(TeamState.Joining(MachineKeys.ListName, machinesId) with { Key = settings.Key }, identities.GetOrCreate(), remoteName);
            message = "Joined: a machine on the list added this one; this machine opens the remote document with its own key (no passphrase, no scrypt).";
        }
        else if (KnownList(settings.Key) is { Members: { } known } state && identities.Existing() is { } identity && known.Head.Find(identity.Recipient.Fingerprint) is not null
            && MachineKeys.IsRecipient(remote, identity))
        {
            seal = seals.For(state, identity, remoteName);
            message = "This machine is on the remote's machine list; it opens the document with its own key.";
        }
        else
        {
            var passphrase = passphrases.Get(remoteName, rememberedPassphrase, isNew: false);
            // A machine that was on the list (and was removed) keeps what it verified: an older document is still refused.
            var (joined, added) = await membership.JoinWithPassphraseAsync(settings, remote, MachineKeys.MachineName(deviceName), passphrase, passphrases.WhileDeriving,
                KnownList(settings.Key), nameGiven: deviceName is not null).ConfigureAwait(false);
            seal = joined;
            message = added
                ? "Joined with the passphrase: this machine is now on the remote's machine list and opens the document with its own key (no scrypt from now on)."
                : "This machine was on the remote's machine list already; it opens the document with its own key.";
            // A fresh machine has no list of its own to compare with, so the person is the check: a machine they removed shows here.
            message += Environment.NewLine + "Machines on the list: " + string.Join(", ", joined.State.KnownMembers.Head.Members.Select(m => TerminalText.Bounded(m.Name)))
                + " (one you removed among them means an older version of the document was put back: see docs/encryption.md, Machine keys).";
            // The list just grew: the document to join with is the one written under it.
            remote = await store.ReadAsync().ConfigureAwait(false)
                ?? throw new TeamException($"{remoteName} went away while this machine joined; nothing was changed");
        }
        var codec = DocumentCodec.Sealed(seal);
        var document = codec.Decode(remote);
        return new MachineKeysOpening(codec, document, remote.Info, RewriteRemote: false, message);
    }

    // Setup is how a machine joins another remote, or again after machines.json broke: a list it cannot use here is no list.
    private Core.Teams.TeamState? KnownList(string key)
    {
        try
        {
            return lists.Read(key);
        }
        catch (Core.Errors.LocalConfigException)
        {
            return null;
        }
    }
}

/// <summary>The codec a remote on machine keys opens with, and the document as just read (null when there is none).</summary>
internal sealed record MachineKeysOpening(DocumentCodec Codec, ConfigDocument? RemoteDocument, RemoteObjectInfo? RemoteInfo, bool RewriteRemote, string Message)
{
    /// <summary>The first list, when setup wrote no document under it (there was none and nothing to upload yet).</summary>
    public TeamState? Unwritten { get; init; }
}
