using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Encryption;
using StartClaude.Core.Remote;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>
/// What a machine joining with the passphrase checks before it trusts the list in the document: the list starts
/// where the passphrase key says (its pin, or, for a key from the switch-over, a first version it signed itself),
/// holds the version the key was made for, and still names the key as an admin at its newest version. A document
/// put back from before a removal fails this, since every removal replaces the passphrase key.
/// </summary>
public static class PassphraseListCheck
{
    /// <summary>The list's id, pinned by the passphrase.</summary>
    /// <exception cref="TeamException">The document is not vouched for by this passphrase key; the message says why and what to do.</exception>
    public static string ListId(RemoteObject document, AgeIdentity passphraseKey, PassphraseKeyPin? pin, string remoteName)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passphraseKey);
        var where = $"the remote document ({remoteName})";
        JsonNode? members;
        try
        {
            var plaintext = AgeFile.Decrypt(AgeArmor.LooksArmored(document.Content) ? AgeArmor.Decode(document.Content) : document.Content, passphraseKey);
            members = (JsonNode.Parse(plaintext, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject)?[TeamSeal.Section]?["members"];
        }
        catch (AgeException ex) when (ex.Failure == AgeFailure.NoMatch)
        {
            throw OlderThanThePassphrase(where, "it is not encrypted to the passphrase's key");
        }
        catch (AgeException ex)
        {
            throw new TeamException($"{where} cannot be decrypted ({ex.Message}); nothing was changed");
        }
        catch (JsonException)
        {
            throw new TeamException($"{where} is not valid JSON once decrypted; nothing was changed");
        }
        var list = MemberList.FromJson(MachineKeys.ListName, members, null, null, where);
        if (pin is null)
        {
            if (list.Entries[0].By != passphraseKey.Recipient.Fingerprint)
                throw new TeamException($"{where}: its machine list was not started by the passphrase key, so the passphrase does not vouch for it; it was not applied; nothing was changed");
        }
        else
        {
            if (list.TeamId != pin.ListId)
                throw new TeamException($"{where} holds another machine list than the one the passphrase was set for (its first version differs): it was not applied; nothing was changed");
            if (list.Entries.Count <= pin.Seq)
                throw OlderThanThePassphrase(where, $"its machine list ends at version {list.Head.Seq}, before version {pin.Seq} the passphrase was set with");
            if (list.Entries[pin.Seq].Id(MachineKeys.ListName) != pin.EntryId)
                throw new TeamException($"{where} holds a machine list that differs at version {pin.Seq} from the one the passphrase was set with: it was not applied; nothing was changed");
        }
        if (list.Head.Find(passphraseKey.Recipient.Fingerprint) is not { Admin: true })
            throw OlderThanThePassphrase(where, "the passphrase's key is not on its newest machine list");
        return list.TeamId;
    }

    private static TeamException OlderThanThePassphrase(string where, string why) =>
        new($"{where} is older than the passphrase ({why}): an older version was put back, or a removal or passphrase change did not finish. On a machine still in, run start-claude s3-sync (after a put-back it says so: then start-claude s3-upload --force there), then finish with start-claude s3-machines passphrase (or the s3-machines remove that did not finish); nothing was changed");
}
