using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Teams;

/// <summary>
/// The secrets a team document holds, masked: what a member who could read it may have kept, to rotate at
/// the provider once they leave. Config keys and tokens; every MCP server's env and header values, an argument
/// that follows (or is) a flag naming a key, token, secret or password, and a URL's query or user info.
/// </summary>
public static class TeamSecrets
{
    private static readonly string[] SecretWords = ["key", "token", "secret", "password", "passwd", "auth", "credential"];

    private static readonly string[] ConfigSecrets = ["apiKey", "authToken"];

    /// <summary>One line per secret: where it is, which field, masked.</summary>
    public static IReadOnlyList<string> In(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<string>();
        foreach (var config in document.LiveConfigs)
        {
            foreach (var field in ConfigSecrets)
            {
                if (config.Node[field] is JsonValue v && v.TryGetValue<string>(out var secret) && secret.Length > 0)
                    found.Add($"config '{TerminalText.Bounded(config.Name)}': {field} {SecretMask.Mask(secret)}");
            }
        }
        var servers = ClaudeSection.Of(document.Root)?[ClaudeSection.McpServers] as JsonObject;
        foreach (var (name, item) in servers ?? [])
        {
            if (ClaudeSection.IsTombstone(item) || ClaudeSection.ValueOf(item).Value is not JsonObject server)
                continue;
            foreach (var map in new[] { "env", "headers" })
            {
                foreach (var (key, value) in server[map] as JsonObject ?? [])
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var secret) && secret.Length > 0)
                        found.Add($"MCP server '{TerminalText.Bounded(name)}': {map} {TerminalText.Bounded(key)} {SecretMask.Mask(secret)}");
                }
            }
            var args = (server["args"] as JsonArray)?.Select(a => a is JsonValue v && v.TryGetValue<string>(out var t) ? t : null).ToList() ?? [];
            for (var i = 0; i < args.Count; i++)
            {
                if (args[i] is not { } arg)
                    continue;
                // --api-key=VALUE, or --api-key VALUE.
                var equals = arg.IndexOf('=');
                if (arg.StartsWith('-') && equals > 0 && NamesSecret(arg[..equals]) && equals < arg.Length - 1)
                    found.Add($"MCP server '{TerminalText.Bounded(name)}': argument {TerminalText.Bounded(arg[..equals])} {SecretMask.Mask(arg[(equals + 1)..])}");
                else if (arg.StartsWith('-') && equals < 0 && NamesSecret(arg) && i + 1 < args.Count && args[i + 1] is { Length: > 0 } next && !next.StartsWith('-'))
                    found.Add($"MCP server '{TerminalText.Bounded(name)}': argument {TerminalText.Bounded(arg)} {SecretMask.Mask(next)}");
            }
            if (server["url"] is JsonValue url && url.TryGetValue<string>(out var address) && Uri.TryCreate(address, UriKind.Absolute, out var uri)
                && (uri.Query.Length > 1 || uri.UserInfo.Length > 0))
                found.Add($"MCP server '{TerminalText.Bounded(name)}': url {(uri.UserInfo.Length > 0 ? "user info" : "query")} {SecretMask.Mask(uri.UserInfo.Length > 0 ? uri.UserInfo : uri.Query[1..])}");
        }
        return found;
    }

    private static bool NamesSecret(string flag) =>
        SecretWords.Any(word => flag.Contains(word, StringComparison.OrdinalIgnoreCase));
}
