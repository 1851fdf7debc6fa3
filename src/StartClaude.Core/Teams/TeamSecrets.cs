using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Teams;

/// <summary>
/// The secrets a team document holds, masked: what a member who could read it may have kept, to rotate at
/// the provider once they leave. Config keys and tokens; every MCP server's env and header values.
/// </summary>
public static class TeamSecrets
{
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
        }
        return found;
    }
}
