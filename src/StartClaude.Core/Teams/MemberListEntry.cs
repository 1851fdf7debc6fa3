using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Core.Encryption;

namespace StartClaude.Core.Teams;

/// <summary>
/// One version of a team's member list: who is in it, which version it follows, and who signed it.
/// Its id is the SHA-256 of <see cref="Statement"/>; the first entry's id is the team's id.
/// </summary>
public sealed record MemberListEntry(int Seq, string? Prev, DateTimeOffset At, string By, IReadOnlyList<TeamMember> Members, byte[] Signature)
{
    private const string Header = "start-claude team members v1";

    /// <summary>The exact bytes signed (docs/teams.md): one field per line, LF-terminated, UTF-8.</summary>
    public byte[] Statement(string team)
    {
        var text = new StringBuilder()
            .Append(Header).Append('\n')
            .Append("team ").Append(team).Append('\n')
            .Append("seq ").Append(Seq.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("prev ").Append(Prev ?? "-").Append('\n')
            .Append("at ").Append(Timestamp(At)).Append('\n')
            .Append("by ").Append(By).Append('\n');
        foreach (var member in Members)
            text.Append(member.StatementLine).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>This entry's id: lower-case hex SHA-256 of its statement.</summary>
    public string Id(string team) => Convert.ToHexStringLower(SHA256.HashData(Statement(team)));

    public TeamMember? Find(string fingerprint) => Members.FirstOrDefault(m => m.Key.Fingerprint == fingerprint);

    public TeamMember? Named(string name) => Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A new entry after <paramref name="previous"/> (or the first one), signed by <paramref name="signer"/>.</summary>
    public static MemberListEntry Create(string team, MemberListEntry? previous, IReadOnlyList<TeamMember> members, AgeIdentity signer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(signer);
        var unsigned = new MemberListEntry(previous is null ? 0 : previous.Seq + 1, previous?.Id(team),
            DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()), signer.Recipient.Fingerprint, members, []);
        return unsigned with { Signature = signer.Sign(unsigned.Statement(team)) };
    }

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public JsonObject ToJson() => new()
    {
        ["seq"] = Seq,
        ["prev"] = Prev,
        ["at"] = Timestamp(At),
        ["by"] = By,
        ["members"] = new JsonArray([.. Members.Select(m => (JsonNode)new JsonObject { ["name"] = m.Name, ["key"] = m.Key.Text, ["admin"] = m.Admin })]),
        ["sig"] = Convert.ToBase64String(Signature),
    };

    /// <summary>An entry as stored; shape only (signatures and order are <see cref="MemberList"/>'s to check).</summary>
    /// <param name="keys">Keys already parsed while reading the same chain, by their text; new ones are added.</param>
    /// <exception cref="TeamException">Not an entry.</exception>
    public static MemberListEntry FromJson(JsonNode? node, string where, IDictionary<string, AgeRecipient>? keys = null)
    {
        if (node is not JsonObject entry)
            throw new TeamException($"{where}: a member list entry is not an object");
        var seq = entry["seq"] is JsonValue s && s.TryGetValue<int>(out var n) && n >= 0 ? n : throw Bad("seq");
        string? prev = entry["prev"] switch
        {
            null => null,
            JsonValue p when p.TryGetValue<string>(out var text) && text.Length == 64 && text.All(char.IsAsciiHexDigitLower) => text,
            _ => throw Bad("prev"),
        };
        var at = entry["at"] is JsonValue a && a.TryGetValue<string>(out var atText)
            && DateTimeOffset.TryParseExact(atText, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : throw Bad("at");
        var by = entry["by"] is JsonValue b && b.TryGetValue<string>(out var byText) && byText.Length is > 0 and <= 80 && byText.All(c => c is > ' ' and <= '~') ? byText : throw Bad("by");
        var signature = entry["sig"] is JsonValue g && g.TryGetValue<string>(out var sigText) && sigText.Length <= 128 ? Base64(sigText) : null;
        if (signature is not { Length: 64 })
            throw Bad("sig");
        if (entry["members"] is not JsonArray list)
            throw Bad("members");
        if (list.Count > MemberList.MaxMembers)
            throw new TeamException($"{where}: a member list holds {list.Count} members, more than the {MemberList.MaxMembers} start-claude accepts; nothing was changed");
        var members = new List<TeamMember>(list.Count);
        foreach (var item in list)
        {
            if (item is not JsonObject m
                || m["name"] is not JsonValue nv || !nv.TryGetValue<string>(out var name) || TeamNames.MemberProblem(name) is not null
                || m["key"] is not JsonValue kv || !kv.TryGetValue<string>(out var keyText) || keyText.Length > 200 || Recipient(keyText, keys) is not { } key
                || m["admin"] is not JsonValue av || !av.TryGetValue<bool>(out var admin))
                throw Bad("members");
            members.Add(new TeamMember(name, key, admin));
        }
        return new MemberListEntry(seq, prev, parsed, by, members, signature);

        TeamException Bad(string field) => new($"{where}: a member list entry's '{field}' is missing or malformed; nothing was changed");
    }

    // The same keys recur in every version of a list, and each parse checks a point: once per key per read.
    private static AgeRecipient? Recipient(string text, IDictionary<string, AgeRecipient>? keys)
    {
        if (keys is not null && keys.TryGetValue(text, out var known))
            return known;
        if (!AgeRecipient.TryParse(text, out var key) || key.Text != text)
            return null;
        if (keys is not null)
            keys[text] = key;
        return key;
    }

    private static byte[]? Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
