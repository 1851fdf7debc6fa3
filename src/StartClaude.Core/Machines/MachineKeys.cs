using StartClaude.Core.Encryption;
using StartClaude.Core.Remote;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>
/// A personal remote on machine keys: the document sealed (<see cref="TeamSeal"/>) to a member list whose
/// members are the person's machines and one passphrase key, whose secret lies passphrase-encrypted beside
/// the document (<see cref="KeysObjectKey"/>). Every member is an admin.
/// </summary>
public static class MachineKeys
{
    /// <summary>The list's name in every signed statement (a team of this name has another id and another key).</summary>
    public const string ListName = "machines";

    /// <summary><c>settings.s3Sync.encryptTo</c> for a remote on machine keys.</summary>
    public const string EncryptTo = "machines";

    /// <summary>The passphrase key's name on the list.</summary>
    public const string PassphraseMember = "passphrase";

    /// <summary>The object holding the passphrase key's secret (stock <c>age -p</c>), beside the document.</summary>
    public static string KeysObjectKey(string documentKey) => documentKey + ".keys.age";

    /// <summary>Whether <paramref name="remote"/> is sealed to keys (signed, or an age file without a passphrase stanza) rather than a passphrase document or plain JSON.</summary>
    public static bool IsSealed(RemoteObject remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (TeamDocumentSignature.Parse(remote.Metadata) is not null)
            return true;
        if (!DocumentCodec.IsEncrypted(remote.Content))
            return false;
        try
        {
            var file = AgeArmor.LooksArmored(remote.Content) ? AgeArmor.Decode(remote.Content) : remote.Content;
            var stanzas = AgeHeader.Parse(file).Stanzas;
            return stanzas.Count > 0 && stanzas.All(s => s.Type != AgeScrypt.StanzaType);
        }
        catch (AgeException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="remote"/> is encrypted to <paramref name="identity"/> (one X25519 exchange; nothing is checked beyond that).</summary>
    public static bool IsRecipient(RemoteObject remote, AgeIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(remote);
        try
        {
            AgeFile.Decrypt(AgeArmor.LooksArmored(remote.Content) ? AgeArmor.Decode(remote.Content) : remote.Content, identity);
            return true;
        }
        catch (AgeException ex) when (ex.Failure == AgeFailure.NoMatch)
        {
            return false;
        }
        catch (AgeException)
        {
            // Damaged past the header: the seal says so with its own words.
            return true;
        }
    }

    /// <summary>This machine's name on the list: <paramref name="given"/> or the host name, kept to what a member name may hold.</summary>
    public static string MachineName(string? given)
    {
        var raw = (given ?? WriterLabel.DefaultDeviceName()).Trim();
        var name = new string([.. raw.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-' ? c : '-')]).TrimStart('.', '_', '@', '-');
        if (name.Length > TeamNames.MaxLength)
            name = name[..TeamNames.MaxLength];
        return name.Length == 0 || name.Equals(PassphraseMember, StringComparison.OrdinalIgnoreCase) ? "machine" : name;
    }

    /// <summary>What the seal says of the personal remote when it refuses.</summary>
    public static SealWording Wording(string remoteName) => new(
        $"the remote document ({remoteName})",
        $"that version of the remote document ({remoteName})",
        $"the machine list of {remoteName} as this machine last saw it (a machine still on it may have removed this one)",
        "A machine on the list can replace it with its own configs: start-claude s3-upload --force",
        recipient => $"this machine is not, or no longer, one of its machines. On a machine still in: start-claude s3-machines add NAME --key {recipient}; or join again with the passphrase: start-claude s3-setup --encrypt --machine-keys",
        "A machine on the list can write its current configs again: start-claude s3-upload --force",
        "start-claude s3-sync",
        id => $"{remoteName} was written under a machine list this machine has not seen ({id}…): this machine's list is stale. Catch up with start-claude s3-sync (if that says this machine is no longer on the list, add it again from a machine that is, or with the passphrase); nothing was written");
}
