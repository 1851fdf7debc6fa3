using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>
/// Who may open a personal remote on machine keys: the switch-over (first list: this machine and the passphrase
/// key, signed by the passphrase key), a machine joining with the passphrase (one scrypt run, then the list
/// grows by it, signed by the passphrase key), and a machine on the list adding or removing one (each one
/// conditional write of the current document re-encrypted under the new list).
/// </summary>
public sealed class MachineKeysMembership(RemoteStoreFactory remotes, MachineSeals seals, MachineListStore lists, MachineIdentityStore identities, ISyncStateStore states, SyncWriter writer, TimeProvider? time = null)
{
    private const int Attempts = 5;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Makes the passphrase key (or takes the one a switch-over that did not finish left) and the first list;
    /// the seal returned writes the document under it and saves machines.json once written.
    /// </summary>
    /// <param name="whileDeriving">Runs a scrypt derivation (a terminal shows that work goes on).</param>
    public async Task<TeamSeal> SwitchOverAsync(S3SyncSettings settings, string machineName, string passphrase, Func<Func<byte[]>, byte[]> whileDeriving, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(whileDeriving);
        TeamNames.CheckMember(machineName);
        var identity = identities.GetOrCreate();
        var keysSettings = settings with { Key = MachineKeys.KeysObjectKey(settings.Key) };
        var keysStore = remotes.Create(keysSettings);
        var keysName = $"s3://{settings.Bucket}/{keysSettings.Key}";
        var passphraseKey = AgeIdentity.Generate();
        var file = whileDeriving(() => PassphraseKey.Seal(passphraseKey, passphrase, _time.GetUtcNow()));
        var honours = await writer.ConditionalWritesAsync(new SyncTarget(ConfigDocument.CreateEmpty(), keysSettings, keysStore), cancellationToken).ConfigureAwait(false);
        try
        {
            // Never over another one: a machine that switched over at the same moment may already have sealed the document to it.
            if (!honours && await keysStore.ProbeAsync(cancellationToken).ConfigureAwait(false) is not null)
                throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed, $"{keysName} exists");
            await keysStore.WriteAsync(file, new WriteCondition.MustNotExist(), honours, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            var existing = await keysStore.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new TeamException($"{keysName} appeared and went while this machine wrote it; run the command again; nothing was changed");
            try
            {
                passphraseKey = OpenKey(existing.Content, passphrase, keysName, whileDeriving).Key;
            }
            catch (RemoteEncryptionException)
            {
                throw new TeamException($"{keysName} is already there and this passphrase does not open it (left by an earlier switch-over with another passphrase?): give that passphrase, or delete the object; nothing was changed");
            }
        }
        var first = MemberListEntry.Create(MachineKeys.ListName, null,
            [new TeamMember(machineName, identity.Recipient, Admin: true), new TeamMember(MachineKeys.PassphraseMember, passphraseKey.Recipient, Admin: true)],
            passphraseKey, _time.GetUtcNow());
        var list = MemberList.Verify(MachineKeys.ListName, [first], null, null, "the new machine list");
        return seals.For(TeamState.Created(list) with { Key = settings.Key }, identity, $"s3://{settings.Bucket}/{settings.Key}");
    }

    /// <summary>
    /// Joins with the passphrase: opens the passphrase key (one scrypt run), checks the document (its list must
    /// start with a version the passphrase key signed), and adds this machine in one conditional write.
    /// </summary>
    /// <returns>The seal this machine opens the remote with from now on, and whether the list grew (false: it was on it already).</returns>
    public async Task<(TeamSeal Seal, bool Added)> JoinWithPassphraseAsync(S3SyncSettings settings, RemoteObject remote, string machineName, string passphrase,
        Func<Func<byte[]>, byte[]> whileDeriving, TeamState? known = null, bool nameGiven = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(whileDeriving);
        TeamNames.CheckMember(machineName);
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        var identity = identities.GetOrCreate();
        var keysSettings = settings with { Key = MachineKeys.KeysObjectKey(settings.Key) };
        var keysName = $"s3://{settings.Bucket}/{keysSettings.Key}";
        var keysFile = await remotes.Create(keysSettings).ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new TeamException($"{remoteName} is on machine keys but {keysName} is missing, so the passphrase cannot open it: on a machine already in, run start-claude s3-machines add NAME --key {identity.Recipient.Text} and run here what it prints");
        var (passphraseKey, pin) = OpenKey(keysFile.Content, passphrase, keysName, whileDeriving);

        // The list's id is pinned by the passphrase, and the passphrase key must still be an admin on its newest version.
        var listId = PassphraseListCheck.ListId(remote, passphraseKey, pin, remoteName);
        if (known is not null && known.TeamId != listId)
            throw new TeamException($"{remoteName} holds another machine list than the one this machine was on (its first version differs): the document was replaced; nothing was changed. If that was meant, move {lists.Path} away and run this again");
        var opening = new TeamSeal(known ?? (TeamState.Joining(MachineKeys.ListName, listId) with { Key = settings.Key }), passphraseKey, _ => { }, _time, MachineKeys.Wording(remoteName));
        var document = DocumentCodec.Sealed(opening).Decode(remote);
        var list = opening.State.KnownMembers;
        var seal = seals.For(opening.State, identity, remoteName);
        if (list.Head.Find(identity.Recipient.Fingerprint) is not null)
        {
            lists.Write(opening.State);
            return (seal, false);
        }
        if (!nameGiven)
            machineName = FreeName(list.Head, machineName);
        if (list.Head.Named(machineName) is { } named)
            throw new UsageException($"{remoteName} already has a machine named {named.Name} ({named.Key.Fingerprint}): give this one another name with --device-name NAME, or remove that one first (start-claude s3-machines remove {named.Name} on a machine still in); nothing was changed");
        seal.NewMembers = list.Append([.. list.Head.Members, new TeamMember(machineName, identity.Recipient, Admin: true)], passphraseKey, _time.GetUtcNow());
        try
        {
            await WriteAsync(settings, seal, document, WriteCondition.From(remote.Info), rememberBase: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw new TeamException($"another machine wrote {remoteName} while this one joined; run the same command again; nothing was changed");
        }
        return (seal, true);
    }

    /// <summary>Adds a machine by its key (age1… from its 'start-claude s3-machines key'); this machine must be on the list.</summary>
    public Task<MachineListChange> AddAsync(S3SyncSettings settings, TeamMember machine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        TeamNames.CheckMember(machine.Name);
        if (machine.Name.Equals(MachineKeys.PassphraseMember, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"{MachineKeys.PassphraseMember} is the passphrase key's name on the list; give the machine another name; nothing was changed");
        return ChangeAsync(settings, head =>
        {
            if (head.Named(machine.Name) is { } named)
                throw new UsageException($"there is already a machine named {named.Name} ({named.Key.Fingerprint}); choose another name, or remove that one first; nothing was changed");
            if (head.Find(machine.Key.Fingerprint) is { } same)
                throw new UsageException($"that key ({machine.Key.Fingerprint}) is already the machine {same.Name}; nothing was changed");
            return [.. head.Members, machine with { Admin = true }];
        }, keys: null, cancellationToken);
    }

    /// <summary>
    /// Removes a machine: the current document re-encrypted without it. When the list holds the passphrase key, that
    /// key is replaced too (the removed machine may know the passphrase): <paramref name="replacement"/> says with what.
    /// </summary>
    /// <param name="replacement">Asked once, when the list read holds the passphrase key: a new passphrase, or drop the key.</param>
    /// <param name="whileDeriving">Runs a scrypt derivation (a terminal shows that work goes on).</param>
    public Task<MachineListChange> RemoveAsync(S3SyncSettings settings, string name, Func<PassphraseReplacement> replacement, Func<Func<byte[]>, byte[]> whileDeriving, CancellationToken cancellationToken = default) =>
        ChangeAsync(settings, head =>
        {
            var leaving = head.Named(name)
                ?? throw new UsageException($"there is no machine named {TerminalText.Bounded(name)}; 'start-claude s3-machines' lists them");
            if (leaving.Name.Equals(MachineKeys.PassphraseMember, StringComparison.OrdinalIgnoreCase))
                throw new UsageException("the passphrase key is not a machine: start-claude s3-machines passphrase replaces it, and with --remove drops it; nothing was changed");
            if (leaving.Key.Fingerprint == identities.Existing()?.Recipient.Fingerprint)
                throw new UsageException($"{leaving.Name} is this machine; remove it from another machine on the list; nothing was changed");
            return [.. head.Members.Where(m => m != leaving)];
        }, new PassphraseKeyChange(replacement, whileDeriving, AddWhenAbsent: false), cancellationToken);

    /// <summary>
    /// Replaces the passphrase key (a new key, sealed with a new passphrase; one is added when the list has none), or
    /// drops it: the machines stay as they are.
    /// </summary>
    public Task<MachineListChange> ReplacePassphraseAsync(S3SyncSettings settings, PassphraseReplacement replacement, Func<Func<byte[]>, byte[]> whileDeriving, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return ChangeAsync(settings, head => head.Members, new PassphraseKeyChange(() => replacement, whileDeriving, AddWhenAbsent: true), cancellationToken);
    }

    // The document is re-encrypted under the changed list in one conditional write. With a passphrase key to replace,
    // its new KEY.keys.age goes first (conditional on the one read), pinned to the list version about to be written:
    // until the document lands, the remaining machines open it as before and a passphrase join is refused as
    // "older than the passphrase"; the old passphrase never opens what is current. A dropped key's file goes last.
    private async Task<MachineListChange> ChangeAsync(S3SyncSettings settings, Func<MemberListEntry, IReadOnlyList<TeamMember>> change, PassphraseKeyChange? keys, CancellationToken cancellationToken)
    {
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        var keysObject = new PassphraseKeyObject(remotes, writer, settings);
        PassphraseReplacement? replacement = null;
        AgeIdentity? newKey = null;
        MemberList? pending = null;
        var outcome = PassphraseKeyOutcome.Unchanged;
        var keysDue = false;
        var oldChecked = false;
        var newPassphraseUnchecked = false;
        // Set while the document write is on its way: after an unclear answer it may have landed, naming the new key.
        var documentMayHaveLanded = false;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var seal = seals.Open(settings);
                var syncBase = states.ReadBaseChecked(settings).Base;
                var current = await RemoteSnapshot.ReadAsync(remotes.Create(settings), DocumentCodec.Sealed(seal), syncBase, cancellationToken).ConfigureAwait(false)
                    ?? throw new TeamException($"there is no document at {remoteName}; nothing was changed");
                var before = seal.State.KnownMembers;
                var identity = identities.Existing() ?? throw new InvalidOperationException("an open seal has an identity");
                if (pending is null || pending.Head.Prev != before.HeadId)
                {
                    var members = change(before.Head);
                    outcome = PassphraseKeyOutcome.Unchanged;
                    var passphraseMember = before.Head.Named(MachineKeys.PassphraseMember);
                    if (keys is not null && (passphraseMember is not null || keys.AddWhenAbsent))
                    {
                        replacement ??= keys.Ask();
                        newKey ??= replacement.Passphrase is null ? null : AgeIdentity.Generate();
                    }
                    if (keys is { AddWhenAbsent: true } && newKey is null && passphraseMember is null)
                        return await FinishDropAsync(keysObject, before, seal.State.TeamId, remoteName, cancellationToken).ConfigureAwait(false);
                    if (keys is not null && replacement is not null && (passphraseMember is not null || newKey is not null))
                    {
                        await keysObject.ReadAsync(cancellationToken).ConfigureAwait(false);
                        if (!oldChecked && replacement.Passphrase is { } passphrase)
                        {
                            newPassphraseUnchecked = !RefuseTheCurrentPassphrase(keysObject, passphrase, before, keys.WhileDeriving);
                            oldChecked = true;
                        }
                        members = [.. members.Where(m => m != passphraseMember), .. newKey is null ? [] : new[] { new TeamMember(MachineKeys.PassphraseMember, newKey.Recipient, Admin: true) }];
                        outcome = newKey is null ? PassphraseKeyOutcome.Dropped : PassphraseKeyOutcome.Replaced;
                        keysDue = newKey is not null;
                    }
                    pending = before.Append(members, identity, _time.GetUtcNow());
                }
                if (keysDue)
                {
                    var pin = new PassphraseKeyPin(pending.TeamId, pending.Head.Seq, pending.HeadId);
                    var file = keys!.WhileDeriving(() => PassphraseKey.Seal(newKey!, replacement!.Passphrase!, _time.GetUtcNow(), pin));
                    await keysObject.ReplaceAsync(file, cancellationToken).ConfigureAwait(false);
                    keysDue = false;
                }
                seal.NewMembers = pending;
                try
                {
                    documentMayHaveLanded = true;
                    // Only when the remote still was the base does the base move with it; otherwise the next sync merges as usual.
                    await WriteAsync(settings, seal, current.Document, WriteCondition.From(current.Info), rememberBase: !current.Downloaded, cancellationToken).ConfigureAwait(false);
                }
                catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
                {
                    documentMayHaveLanded = false;
                    if (attempt == Attempts)
                        throw;
                    // Another machine wrote meanwhile: read its version (and its list) and change that.
                    continue;
                }
                if (outcome == PassphraseKeyOutcome.Dropped)
                    await DeleteKeysFileAsync(keysObject, cancellationToken).ConfigureAwait(false);
                return new MachineListChange(before.Head, seal.State.KnownMembers.Head, seal.State.TeamId, outcome, NewPassphraseUnchecked: newPassphraseUnchecked && outcome == PassphraseKeyOutcome.Replaced);
            }
        }
        catch (StartClaudeException ex) when (!documentMayHaveLanded)
        {
            // The document was not written (a retry refused: say the other machine removed the same one first), so the
            // KEY.keys.age written for it would leave the list's passphrase key without its secret: put back the one read.
            await PutBackKeysFileAsync(keysObject, ex, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task PutBackKeysFileAsync(PassphraseKeyObject keysObject, StartClaudeException failure, CancellationToken cancellationToken)
    {
        try
        {
            await keysObject.PutBackAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex)
        {
            throw new TeamException($"{failure.Message.TrimEnd('.')}; and {keysObject.Name} could not be put back as it was ({ex.Message}): it holds a key no machine list names, so a passphrase join is refused until start-claude s3-machines passphrase runs on a machine still in");
        }
    }

    // A list without the passphrase key and a KEY.keys.age still there: a drop whose delete did not come. The file
    // vouches for no list (a join with it is refused), and deleting it finishes the drop.
    private static async Task<MachineListChange> FinishDropAsync(PassphraseKeyObject keysObject, MemberList list, string listId, string remoteName, CancellationToken cancellationToken)
    {
        await keysObject.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (keysObject.Current is null)
            throw new UsageException($"{remoteName}'s machine list holds no passphrase key to drop: machines join it by approval only already; nothing was changed");
        await DeleteKeysFileAsync(keysObject, cancellationToken).ConfigureAwait(false);
        return new MachineListChange(list.Head, list.Head, listId, PassphraseKeyOutcome.Dropped);
    }

    private static async Task DeleteKeysFileAsync(PassphraseKeyObject keysObject, CancellationToken cancellationToken)
    {
        try
        {
            await keysObject.DeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex)
        {
            throw new TeamException($"the machine list no longer holds the passphrase key, but {keysObject.Name} could not be deleted ({ex.Message}): a passphrase join is refused until it is; run start-claude s3-machines passphrase --remove to finish");
        }
    }

    // The new passphrase must not open KEY.keys.age as it is when that key is or was on the list: whoever was removed may
    // know that passphrase. One that opens only a key no list names (a replacement that did not finish) is new. False when
    // the list names a passphrase key but the file is gone or damaged (a bucket writer can do that): nothing to check with.
    private static bool RefuseTheCurrentPassphrase(PassphraseKeyObject keysObject, string passphrase, MemberList list, Func<Func<byte[]>, byte[]> whileDeriving)
    {
        var listed = list.Head.Named(MachineKeys.PassphraseMember) is not null;
        if (keysObject.Current is not { } file)
            return !listed;
        AgeIdentity opened;
        try
        {
            opened = OpenKey(file.Content, passphrase, keysObject.Name, whileDeriving).Key;
        }
        catch (RemoteEncryptionException)
        {
            // Not opened: another passphrase's file, or one sealed to keys instead (never ours: nothing to check with).
            return !listed || !MachineKeys.IsSealed(file);
        }
        catch (DocumentFormatException)
        {
            // Damaged or not ours: it is replaced either way, and no passphrase opens it.
            return !listed;
        }
        if (list.Entries.Any(e => e.Find(opened.Recipient.Fingerprint) is not null))
            throw new UsageException($"the new passphrase opens {keysObject.Name} as it is now: it is the passphrase in use, which a removed machine may know; choose another; nothing was changed");
        return true;
    }

    private async Task WriteAsync(S3SyncSettings settings, TeamSeal seal, ConfigDocument document, WriteCondition condition, bool rememberBase, CancellationToken cancellationToken)
    {
        var store = remotes.Create(settings);
        var honours = await writer.ConditionalWritesAsync(new SyncTarget(ConfigDocument.CreateEmpty(), settings, store), cancellationToken).ConfigureAwait(false);
        var codec = DocumentCodec.Sealed(seal);
        var encoded = codec.Encode(document);
        var etag = await store.WriteAsync(encoded.Body, condition, honours, cancellationToken, WriterLabel.For(document) with { Seal = encoded.Metadata }).ConfigureAwait(false);
        codec.Written(encoded);
        if (rememberBase)
            states.SaveBase(settings, document, new RemoteObjectInfo(encoded.Body.Length, _time.GetUtcNow(), etag), writtenHere: true);
    }

    // A name this person did not choose (the host name) that is taken gets a number: two machines may share a host name.
    private static string FreeName(MemberListEntry head, string name)
    {
        if (head.Named(name) is null)
            return name;
        for (var n = 2; n < 1000; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stem = name.Length + suffix.Length > TeamNames.MaxLength ? name[..(TeamNames.MaxLength - suffix.Length)] : name;
            if (head.Named(stem + suffix) is null)
                return stem + suffix;
        }
        return name;
    }

    // One scrypt run, shown as such on a terminal.
    private static (AgeIdentity Key, PassphraseKeyPin? Pin) OpenKey(byte[] file, string passphrase, string where, Func<Func<byte[]>, byte[]> whileDeriving)
    {
        (AgeIdentity Key, PassphraseKeyPin? Pin) opened = default;
        whileDeriving(() =>
        {
            opened = PassphraseKey.OpenPinned(file, passphrase, where);
            return [];
        });
        return opened;
    }
}
