using System.Text.Json.Nodes;

namespace StartClaude.Core.Teams;

/// <summary>
/// What this machine knows of one team: its id (pinned when it joined), the object key, the newest member
/// list and document serial it has verified (a document older than either is a rollback), and when each
/// member last wrote.
/// </summary>
/// <remarks><see cref="Members"/> is null only while joining: the team's id is known (from the invitation), its list not yet.</remarks>
public sealed record TeamState(string Name, string Key, string TeamId, MemberList? Members, long Serial, IReadOnlyDictionary<string, DateTimeOffset> Writes)
{
    /// <summary>A team this machine creates: its first list.</summary>
    public static TeamState Created(MemberList members) =>
        new(members.Team, TeamNames.DocumentKey(members.Team), members.TeamId, members, 0, new Dictionary<string, DateTimeOffset>());

    /// <summary>A team this machine is about to join: its id from the invitation, nothing seen yet.</summary>
    public static TeamState Joining(string team, string teamId) =>
        new(team, TeamNames.DocumentKey(team), teamId, null, 0, new Dictionary<string, DateTimeOffset>());

    /// <summary>The list as last seen.</summary>
    /// <exception cref="TeamException">None seen yet.</exception>
    public MemberList KnownMembers => Members ?? throw new TeamException($"this machine has not read team {Name}'s member list yet: run start-claude team join {Name} --id {TeamId}");

    /// <summary>The state after a document under <paramref name="members"/> with <paramref name="serial"/> was verified or written.</summary>
    public TeamState Saw(MemberList members, long serial, IReadOnlyDictionary<string, DateTimeOffset> writes) =>
        this with
        {
            Members = Members is null || members.Entries.Count >= Members.Entries.Count ? members : Members,
            Serial = Math.Max(serial, Serial),
            Writes = serial >= Serial ? writes : Writes,
        };

    public JsonObject ToJson()
    {
        var writes = new JsonObject();
        foreach (var (fingerprint, at) in Writes.OrderBy(w => w.Key, StringComparer.Ordinal))
            writes[fingerprint] = MemberListEntry.Timestamp(at);
        return new JsonObject
        {
            ["name"] = Name,
            ["id"] = TeamId,
            ["key"] = Key,
            ["serial"] = Serial,
            ["writes"] = writes,
            ["members"] = KnownMembers.ToJson(),
        };
    }

    /// <exception cref="TeamException">Not a team file this version reads, or its member list does not verify.</exception>
    /// <param name="expectedKey">The object key the file must name: a team's own (<see cref="TeamNames.DocumentKey"/>) when null.</param>
    public static TeamState FromJson(JsonNode? node, string expectedName, string where, string? expectedKey = null)
    {
        if (node is not JsonObject root
            || root["name"] is not JsonValue n || !n.TryGetValue<string>(out var name) || name != expectedName
            || root["id"] is not JsonValue i || !i.TryGetValue<string>(out var id)
            || root["key"] is not JsonValue k || !k.TryGetValue<string>(out var key) || key != (expectedKey ?? TeamNames.DocumentKey(name))
            || root["serial"] is not JsonValue s || !s.TryGetValue<long>(out var serial) || serial < 0)
            throw new TeamException($"{where} is not a team file this version reads; remove it and join the team again (start-claude team join {expectedName} --id ID)");
        var members = MemberList.FromJson(name, root["members"], id, null, where);
        return new TeamState(name, key, id, members, serial, ReadWrites(root["writes"] as JsonObject, members));
    }

    /// <summary>Member fingerprints and times from a document or file, only for members of the list and only well-formed.</summary>
    internal static IReadOnlyDictionary<string, DateTimeOffset> ReadWrites(JsonObject? writes, MemberList members)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (writes is null)
            return result;
        foreach (var (fingerprint, value) in writes.Take(MemberList.MaxMembers * 4))
        {
            if (members.Entries.Any(e => e.Find(fingerprint) is not null)
                && value is JsonValue v && v.TryGetValue<string>(out var text)
                && DateTimeOffset.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
                result[fingerprint] = at;
        }
        return result;
    }
}
