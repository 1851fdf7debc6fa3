using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Teams;

/// <summary>
/// A team document's form in the bucket: the shared document plus a <c>team</c> section (member list chain,
/// serial, last writes), age-encrypted to every current member, signed by the writing member beside the
/// ciphertext (<see cref="TeamDocumentSignature"/>). Opening checks everything before a byte is used and
/// records what it verified, so an older signed document put back is seen for what it is.
/// </summary>
public sealed class TeamSeal(TeamState state, AgeIdentity identity, Action<TeamState> save, TimeProvider? time = null, SealWording? wording = null) : IDocumentSeal
{
    /// <summary>The section of the encrypted JSON that holds the member list; never seen by the planner.</summary>
    public const string Section = "team";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public TeamState State { get; private set; } = state;

    private readonly SealWording _words = wording ?? SealWording.Team(state.Name);

    private string Where => _words.Where;

    /// <summary>The list the next <see cref="Seal"/> writes under and encrypts to: the one last seen, unless a change is being written.</summary>
    public MemberList? NewMembers { get; set; }

    public EncodedDocument Seal(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var members = NewMembers ?? State.KnownMembers;
        var me = identity.Recipient.Fingerprint;
        if (State.KnownMembers.Head.Find(me) is null && NewMembers is null)
            throw new TeamException($"this machine's key ({me}) is not on {_words.NotOnList}; nothing was written");
        var serial = State.Serial + 1;
        if (serial > TeamDocumentSignature.MaxSerial)
            throw new TeamException($"team {State.Name}'s serial on this machine ({State.Serial}) is beyond what start-claude writes: remove {State.Name}'s team file and join again; nothing was written");
        var writes = new Dictionary<string, DateTimeOffset>(State.Writes, StringComparer.Ordinal)
        {
            [me] = DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds()),
        };
        var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("the shared document is a JSON object");
        var writesNode = new JsonObject();
        foreach (var (fingerprint, at) in writes.Where(w => members.Head.Find(w.Key) is not null).OrderBy(w => w.Key, StringComparer.Ordinal))
            writesNode[fingerprint] = MemberListEntry.Timestamp(at);
        root[Section] = new JsonObject
        {
            ["name"] = State.Name,
            ["serial"] = serial,
            ["writes"] = writesNode,
            ["members"] = members.ToJson(),
        };
        var body = AgeFile.Encrypt(JsonSerializer.SerializeToUtf8Bytes(root), [.. members.Head.Members.Select(m => m.Key)]);
        var statement = TeamDocumentSignature.Statement(State.Name, State.TeamId, State.Key, members.HeadId, serial, body);
        var signature = new TeamDocumentSignature(me, members.HeadId, serial, identity.Sign(statement));
        return new EncodedDocument(body, signature.Headers()) { State = new WrittenState(members, serial, writes) };
    }

    /// <summary>
    /// Why this machine must not write over a document with <paramref name="metadata"/>: it states a member list this
    /// machine's chain does not hold (a newer one: this machine's list is stale). Null when it may (one it knows, or unsigned).
    /// </summary>
    public string? StaleAgainst(IReadOnlyDictionary<string, string>? metadata)
    {
        if (TeamDocumentSignature.Parse(metadata) is not { } signature || State.Members is not { } mine)
            return null;
        return mine.Entries.Any(e => e.Id(State.Name) == signature.MembersId)
            ? null
            : _words.Stale(signature.MembersId[..12]);
    }

    public void Written(EncodedDocument written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (written.State is not WrittenState done)
            return;
        State = State with { Members = done.Members, Serial = Math.Max(done.Serial, State.Serial), Writes = done.Writes };
        NewMembers = null;
        save(State);
    }

    public byte[] Open(RemoteObject remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        (int, string)? known = State.Members is { } seen ? (seen.Head.Seq, seen.HeadId) : null;
        var (root, members, serial, writes) = Verify(remote, Where, known);
        if (serial < State.Serial)
            throw new TeamException($"{Where} is an older version (serial {serial}) than this machine has seen (serial {State.Serial}): someone put an older signed version back. It was not applied; nothing was changed. {_words.RollbackFix}");
        if (State.Members is not null && serial - State.Serial > TeamDocumentSignature.MaxSerialStep)
            throw new TeamException($"{Where} jumps from serial {State.Serial}, the newest this machine has seen, to {serial}, further than writes can: a member's machine wrote a forged serial. It was not applied; nothing was changed. {_words.RollbackFix}");
        State = State.Saw(members, serial, writes);
        save(State);
        root.Remove(Section);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    public byte[] OpenVersion(RemoteObject version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var where = _words.VersionWhere;
        var (root, members, _, _) = Verify(version, where, known: null, history: true);
        // Only a list this machine's own chain went through: an older version is history, never another path.
        var mine = State.KnownMembers;
        if (members.Entries.Count > mine.Entries.Count || mine.Entries[members.Entries.Count - 1].Id(State.Name) != members.HeadId)
            throw new TeamException($"{where} was written under a member list this machine has not seen (run {_words.CatchUp} first); nothing was changed");
        root.Remove(Section);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    // Everything but "is it the newest": the signature beside it, the decryption, the team section, the chain from the
    // team's first list, and that a member of the list it states signed these exact bytes.
    private (JsonObject Root, MemberList Members, long Serial, IReadOnlyDictionary<string, DateTimeOffset> Writes) Verify(RemoteObject remote, string where, (int, string)? known, bool history = false)
    {
        // Refused before any decryption: a file without a member's signature beside it is not the team's.
        var signature = TeamDocumentSignature.Parse(remote.Metadata)
            ?? throw new TeamException($"{where} carries no start-claude signature (written with stock age -r, or by something without a member's key): it was not applied; nothing was changed. {_words.UnsignedFix}");
        byte[] plaintext;
        try
        {
            plaintext = AgeFile.Decrypt(remote.Content, identity);
        }
        catch (AgeException ex) when (ex.Failure == AgeFailure.NoMatch && history)
        {
            throw new TeamException($"{where} is not encrypted to this machine's key: it was written while this machine was not a member");
        }
        catch (AgeException ex) when (ex.Failure == AgeFailure.NoMatch)
        {
            throw new TeamException($"{where} is not encrypted to this machine's key ({identity.Recipient.Fingerprint}): {_words.NotRecipientFix(identity.Recipient.Text)}");
        }
        catch (AgeException ex)
        {
            throw new TeamException($"{where} cannot be decrypted ({ex.Message}); nothing was changed");
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(plaintext, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject
                ?? throw new TeamException($"{where} is not a JSON object; nothing was changed");
        }
        catch (JsonException)
        {
            throw new TeamException($"{where} is not valid JSON once decrypted; nothing was changed");
        }
        if (root[Section] is not JsonObject team
            || team["name"] is not JsonValue n || !n.TryGetValue<string>(out var name)
            || team["serial"] is not JsonValue s || !s.TryGetValue<long>(out var serial))
            throw new TeamException($"{where} has no team section (name, serial, members); nothing was changed");
        if (serial is < 0 or > TeamDocumentSignature.MaxSerial)
            throw new TeamException($"{where} states a serial ({serial}) beyond what start-claude reads: it was not applied; nothing was changed. {_words.UnsignedFix}");
        if (name != State.Name)
            throw new TeamException($"{where} names another team ('{TerminalText.Bounded(name)}'): it was copied from elsewhere; nothing was changed");

        var members = MemberList.FromJson(State.Name, team["members"], State.TeamId, known, where);
        if (signature.MembersId != members.HeadId || signature.Serial != serial)
            throw new TeamException($"{where}: the signature beside it states another member list or serial than the document holds; nothing was changed");
        if (members.Head.Find(signature.SignedBy) is not { } signer)
            throw new TeamException($"{where} is signed by {TerminalText.Bounded(signature.SignedBy)}, who is not on its member list: it was not applied; nothing was changed");
        var statement = TeamDocumentSignature.Statement(State.Name, State.TeamId, State.Key, members.HeadId, serial, remote.Content);
        if (!signer.Key.Verify(statement, signature.Signature))
            throw new TeamException($"{where} does not carry a valid signature of {signer.Name} (it was changed after it was signed, or signed for another place): it was not applied; nothing was changed");
        return (root, members, serial, TeamState.ReadWrites(team["writes"] as JsonObject, members));
    }

    private sealed record WrittenState(MemberList Members, long Serial, IReadOnlyDictionary<string, DateTimeOffset> Writes);
}
