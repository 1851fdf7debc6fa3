using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// How a Claude Code item reads in a question or a report: a file by its size and first line, an MCP server
/// by what it runs, a setting by its value; every string that may be a secret (MCP <c>env</c> and
/// <c>headers</c>, settings <c>env</c>) masked, every name escaped for the terminal.
/// </summary>
public static class ClaudeItemText
{
    private static readonly string[] SecretFields = ["env", "headers"];

    /// <summary>
    /// A text by its size and, beside <paramref name="other"/> (the other side's version), the first line where
    /// they differ: by number, never by content (a memory file may hold anything, and this line reaches --json).
    /// </summary>
    public static string Describe(string text, string? other = null)
    {
        var lines = text.Split('\n');
        var count = text.Length == 0 ? 0 : lines.Length - (text.EndsWith('\n') ? 1 : 0);
        var otherLines = other?.Split('\n') ?? [];
        var at = 0;
        while (other is not null && at < lines.Length && at < otherLines.Length && lines[at] == otherLines[at])
            at++;
        var where = other is null ? "" : at < count ? $", differs from line {at + 1}" : $", ends after line {count}";
        return string.Create(CultureInfo.InvariantCulture, $"{count} line{(count == 1 ? "" : "s")}, {System.Text.Encoding.UTF8.GetByteCount(text):N0} bytes{where}");
    }

    /// <summary>The settings keys whose every value is a secret (<c>env</c>: the variables Claude Code starts with).</summary>
    private static readonly string[] SecretSettings = ["env"];

    /// <summary>Whether the item a conflict names (<paramref name="label"/>) is a settings key whose values are all secrets.</summary>
    public static bool IsSecretSetting(string label) =>
        SecretSettings.Any(key => label == ClaudeSection.Label(ClaudeItemIds.Setting(key)));

    /// <param name="secret">Every string in it is a secret (the settings key env): all masked.</param>
    public static string DescribeValue(JsonNode? value, bool secret = false) => value switch
    {
        _ when secret => Short(value, secret: true),
        JsonObject server when server.ContainsKey("command") || server.ContainsKey("url") => Server(server),
        JsonObject fields => $"{{{string.Join(", ", fields.Take(8).Select(f => $"{TerminalText.Escape(f.Key)}: {Short(f.Value, SecretFields.Contains(f.Key))}"))}{(fields.Count > 8 ? ", ..." : "")}}}",
        _ => Short(value, secret: false),
    };

    private static string Server(JsonObject server)
    {
        var parts = new List<string>();
        if (server["command"] is JsonValue command && command.GetValueKind() == JsonValueKind.String)
            parts.Add("runs " + TerminalText.Escape(command.GetValue<string>()));
        if (server["url"] is JsonValue url && url.GetValueKind() == JsonValueKind.String)
            parts.Add("at " + TerminalText.Escape(SecretMask.Url(url.GetValue<string>())));
        if (server["args"] is JsonArray args && args.Count > 0)
            parts.Add($"{args.Count} argument{(args.Count == 1 ? "" : "s")}");
        foreach (var field in SecretFields)
        {
            if (server[field] is JsonObject secrets && secrets.Count > 0)
                parts.Add($"{field} {string.Join(", ", secrets.Select(s => $"{TerminalText.Escape(s.Key)}={Short(s.Value, secret: true)}"))}");
        }
        return string.Join("; ", parts);
    }

    private static string Short(JsonNode? node, bool secret) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => secret ? SecretMask.Mask(v.GetValue<string>()) : Quote(v.GetValue<string>()),
        // A number can be a secret too (a PIN, a numeric token).
        JsonValue v => secret ? SecretMask.Mask(v.ToJsonString()) : v.ToJsonString(),
        JsonObject o when secret => $"{{{string.Join(", ", o.Select(f => $"{TerminalText.Escape(f.Key)}: {Short(f.Value, secret: true)}"))}}}",
        JsonObject o => $"an object of {o.Count} field{(o.Count == 1 ? "" : "s")}",
        JsonArray a => $"a list of {a.Count}",
        _ => "null",
    };

    private static string Quote(string text) => "\"" + TerminalText.Escape(text.Length > 60 ? text[..57] + "..." : text) + "\"";
}
