using System.Globalization;
using System.Text.Json.Nodes;
using StartClaude.Core.Teams;

namespace StartClaude.Tool.Console;

/// <summary>The members of a signed list as <c>--json</c> gives them (<c>team members</c>, <c>s3-machines</c>).</summary>
internal static class MemberListJson
{
    /// <param name="me">This machine's key's fingerprint, or null when it has none.</param>
    /// <param name="more">Fields of one member's object beyond the common ones.</param>
    public static JsonArray Of(TeamState state, string? me, Action<TeamMember, JsonObject>? more = null) =>
        new([.. state.KnownMembers.Head.Members.Select(m =>
        {
            var node = new JsonObject
            {
                ["name"] = m.Name,
                ["fingerprint"] = m.Key.Fingerprint,
                ["key"] = m.Key.Text,
                ["admin"] = m.Admin,
                ["thisMachine"] = m.Key.Fingerprint == me,
                ["lastWrite"] = state.Writes.TryGetValue(m.Key.Fingerprint, out var at) ? at.ToString("o", CultureInfo.InvariantCulture) : null,
            };
            more?.Invoke(m, node);
            return (JsonNode)node;
        })]);
}
