using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Sync;

namespace StartClaude.Tool.Console;

/// <summary>
/// Both sides of a conflict in one line each, naming only the fields that differ (secrets masked), so
/// two versions never read the same: <c>httpsProxy http://proxy-a</c> / <c>httpsProxy http://proxy-b</c>.
/// Two different secrets whose masks coincide (the same last four characters) also get a fingerprint:
/// four hex digits of HMAC-SHA256 keyed with 32 random bytes made once per run. It tells them apart on
/// this screen, and nowhere else: the key is never shown or stored, so a fingerprint cannot be checked
/// against a guessed secret, and the same secret gets another fingerprint in the next run.
/// </summary>
internal static class ConflictDescription
{
    // Bookkeeping the original tool stamps on every change: shown only when nothing else differs.
    private static readonly string[] Bookkeeping = ["id", "createdAt", "updatedAt"];

    private static readonly byte[] FingerprintKey = RandomNumberGenerator.GetBytes(32);

    private const int LongestValue = 60;

    /// <summary>How <paramref name="side"/>'s version differs from the other side's.</summary>
    public static string Describe(MergeConflict conflict, ConflictSide side)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var (mine, theirs) = side == ConflictSide.Local ? (conflict.Local, conflict.Remote) : (conflict.Remote, conflict.Local);
        if (!IsLiveConfig(mine) || !IsLiveConfig(theirs))
        {
            // Two versions that read alike once masked (a Claude Code item's token) are told apart the same way.
            var text = conflict.Describe(side);
            return mine is not null && theirs is not null && text == conflict.Describe(side == ConflictSide.Local ? ConflictSide.Remote : ConflictSide.Local)
                ? $"{text} (fingerprint {Fingerprint(mine.ToJsonString())})"
                : text;
        }
        var config = (JsonObject)mine!;
        var other = (JsonObject)theirs!;
        var differing = config.Select(p => p.Key).Union(other.Select(p => p.Key), StringComparer.Ordinal)
            .Where(field => !JsonNode.DeepEquals(config[field], other[field]))
            .ToList();
        var shown = differing.Where(f => !Bookkeeping.Contains(f, StringComparer.Ordinal)).ToList();
        if (shown.Count == 0)
            shown = differing;
        if (shown.Count == 0)
            return conflict.Describe(side);
        return string.Join(", ", shown.Select(field => $"{Label(field)} {Value(field, config[field], other[field])}"));
    }

    // The API key as every other line names it ("key sk-ant-…c3Fz"); other fields by their names in config.json.
    private static string Label(string field) => field == ConfigFields.ApiKey.Name ? "key" : field;

    private static bool IsLiveConfig(JsonNode? node) =>
        node is JsonObject config && config.ContainsKey("name") && !new ConfigEntry(config).IsDeleted;

    private static string Value(string field, JsonNode? value, JsonNode? otherValue)
    {
        if (value is null)
            return "(not set)";
        // A nested value, or a string in a field this version does not know, may hold a secret: never shown as it is.
        if (value is JsonObject or JsonArray)
            return Nested(value, otherValue);
        var text = Text(value);
        if (!SecretFields.IsSecret(field) && (ConfigFields.Find(field) is not null || value.GetValueKind() != JsonValueKind.String))
        {
            var plain = ConfigFields.Find(field)?.Kind == FieldKind.Url ? SecretMask.Url(text) : text;
            return plain.Length <= LongestValue ? plain : plain[..(LongestValue - 3)] + "...";
        }
        var masked = SecretMask.Mask(text);
        // Masks that coincide would hide the difference this line is there to show.
        return otherValue is not null && SecretMask.Mask(Text(otherValue)) == masked
            ? $"{masked} (fingerprint {Fingerprint(text)})"
            : masked;
    }

    private static string Nested(JsonNode value, JsonNode? otherValue)
    {
        var what = value is JsonObject obj ? $"an object of {obj.Count} field{(obj.Count == 1 ? "" : "s")}" : $"a list of {((JsonArray)value).Count}";
        return otherValue is not null ? $"{what} (fingerprint {Fingerprint(value.ToJsonString())})" : what;
    }

    private static string Text(JsonNode value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString();

    private static string Fingerprint(string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(FingerprintKey, Encoding.UTF8.GetBytes(secret)))[..4];
}
