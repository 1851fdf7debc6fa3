using System.Text.Json.Nodes;
using StartClaude.Core.Encryption;

namespace StartClaude.Core.Teams;

/// <summary>
/// A team's member list as a chain: the first entry, signed by an admin it names, starts the team (its id
/// is the team's id); each later entry names the one before it and is signed by an admin of that one. So
/// the list changes only as an admin of the previous list says, and a machine that has seen entry n can
/// tell a list that went back or took another path.
/// </summary>
public sealed class MemberList
{
    /// <summary>Most members one list may hold: bounds the recipients of a team document and the work of reading one.</summary>
    public const int MaxMembers = 100;

    /// <summary>Most entries a chain may hold: bounds the signatures checked when a document is read.</summary>
    public const int MaxEntries = 256;

    private MemberList(string team, IReadOnlyList<MemberListEntry> entries)
    {
        Team = team;
        Entries = entries;
    }

    public string Team { get; }

    public IReadOnlyList<MemberListEntry> Entries { get; }

    /// <summary>The current list.</summary>
    public MemberListEntry Head => Entries[^1];

    /// <summary>The team's id: the first entry's.</summary>
    public string TeamId => Entries[0].Id(Team);

    /// <summary>The current list's id: what a document states it was written under.</summary>
    public string HeadId => Head.Id(Team);

    /// <summary>A new team with one member, its admin, who signs it.</summary>
    public static MemberList Create(string team, string creatorName, AgeIdentity creator, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(creator);
        var first = MemberListEntry.Create(team, null, [new TeamMember(creatorName, creator.Recipient, Admin: true)], creator, at);
        return new MemberList(team, [first]);
    }

    /// <summary>The chain with one more entry holding <paramref name="members"/>, signed by <paramref name="signer"/>, an admin of the current list.</summary>
    /// <exception cref="TeamException">The signer is not an admin, or the new list breaks a rule.</exception>
    public MemberList Append(IReadOnlyList<TeamMember> members, AgeIdentity signer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(signer);
        if (Head.Find(signer.Recipient.Fingerprint) is not { Admin: true })
            throw new TeamException($"only an admin of team {Team} can change its member list, and this machine's key ({signer.Recipient.Fingerprint}) is not an admin's; nothing was changed");
        if (Entries.Count >= MaxEntries)
            throw new TeamException($"team {Team}'s member list has changed {MaxEntries - 1} times, the most start-claude keeps; create a new team for the current members; nothing was changed");
        var entry = MemberListEntry.Create(Team, Head, members, signer, at);
        if (RuleProblem(entry) is { } problem)
            throw new TeamException($"{problem}; nothing was changed");
        return new MemberList(Team, [.. Entries, entry]);
    }

    /// <summary>
    /// Checks every entry of a chain read from a document or a file: order, links, signatures, rules; that it
    /// starts at <paramref name="teamId"/> when this machine knows the team; and that it holds the entry
    /// <paramref name="known"/> this machine saw last (a chain that ends earlier went back, one that differs there forked).
    /// </summary>
    /// <exception cref="TeamException">Any of it does not hold; the message names what.</exception>
    public static MemberList Verify(string team, IReadOnlyList<MemberListEntry> entries, string? teamId, (int Seq, string Id)? known, string where)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
            throw new TeamException($"{where} holds no member list; nothing was changed");
        if (entries.Count > MaxEntries)
            throw new TeamException($"{where} holds a member list of {entries.Count} versions, more than the {MaxEntries} start-claude reads; nothing was changed");
        for (var i = 0; i < entries.Count; i++)
            CheckNext(team, entries[i], i == 0 ? null : entries[i - 1], teamId, where);
        return Known(team, entries, known, where);
    }

    // One version against the one before it (or, for the first, against the team id): order, link, signature, rules.
    private static void CheckNext(string team, MemberListEntry entry, MemberListEntry? previous, string? teamId, string where)
    {
        var i = previous is null ? 0 : previous.Seq + 1;
        if (entry.Seq != i || entry.Prev != previous?.Id(team))
            throw new TeamException($"{where}: member list version {i} does not follow the one before it; nothing was changed");
        // The first list is signed by an admin it names; every later one by an admin of the list before.
        if ((previous ?? entry).Find(entry.By) is not { Admin: true } signer)
            throw new TeamException($"{where}: member list version {i} is signed by {entry.By}, who is not an admin of the list before it; nothing was changed");
        if (!signer.Key.Verify(entry.Statement(team), entry.Signature))
            throw new TeamException($"{where}: member list version {i} does not carry a valid signature of {signer.Name}; nothing was changed");
        if (RuleProblem(entry) is { } problem)
            throw new TeamException($"{where}: member list version {i}: {problem}; nothing was changed");
        if (previous is null && teamId is not null && entry.Id(team) != teamId)
            throw NotThisTeam(team, where);
    }

    private static MemberList Known(string team, IReadOnlyList<MemberListEntry> entries, (int Seq, string Id)? known, string where)
    {
        if (known is { } seen)
        {
            if (entries.Count <= seen.Seq)
                throw new TeamException($"{where} holds an older member list (version {entries.Count - 1}) than this machine has seen (version {seen.Seq}): someone put an older document back; nothing was changed");
            if (entries[seen.Seq].Id(team) != seen.Id)
                throw new TeamException($"{where} holds a member list that differs from the one this machine has seen at version {seen.Seq}; nothing was changed");
        }
        return new MemberList(team, entries);
    }

    private static TeamException NotThisTeam(string team, string where) =>
        new($"{where} is not team {team} as this machine knows it (its first member list has another id): the team's document was replaced; nothing was changed");

    private static string? RuleProblem(MemberListEntry entry)
    {
        if (entry.Members.Count == 0)
            return "a member list cannot be empty";
        if (entry.Members.Count > MaxMembers)
            return $"a member list holds at most {MaxMembers} members";
        if (!entry.Members.Any(m => m.Admin))
            return "a member list needs at least one admin";
        if (entry.Members.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != entry.Members.Count)
            return "two members have the same name";
        if (entry.Members.Select(m => m.Key.Fingerprint).Distinct(StringComparer.Ordinal).Count() != entry.Members.Count)
            return "two members have the same key";
        return null;
    }

    public JsonArray ToJson() => new([.. Entries.Select(e => (JsonNode)e.ToJson())]);

    /// <summary>Entries as stored, checked by <see cref="Verify"/>.</summary>
    /// <exception cref="TeamException">Malformed, or it does not verify.</exception>
    public static MemberList FromJson(string team, JsonNode? node, string? teamId, (int Seq, string Id)? known, string where)
    {
        if (node is not JsonArray array)
            throw new TeamException($"{where} holds no member list; nothing was changed");
        if (array.Count > MaxEntries)
            throw new TeamException($"{where} holds a member list of {array.Count} versions, more than the {MaxEntries} start-claude reads; nothing was changed");
        if (array.Count == 0)
            throw new TeamException($"{where} holds no member list; nothing was changed");
        var keys = new Dictionary<string, AgeRecipient>(StringComparer.Ordinal);
        var entries = new List<MemberListEntry>(array.Count);
        foreach (var item in array)
        {
            // Each version is checked as soon as it is read: a bad one stops the read before the rest is parsed.
            var entry = MemberListEntry.FromJson(item, where, keys);
            CheckNext(team, entry, entries.Count == 0 ? null : entries[^1], teamId, where);
            entries.Add(entry);
        }
        return Known(team, entries, known, where);
    }
}
