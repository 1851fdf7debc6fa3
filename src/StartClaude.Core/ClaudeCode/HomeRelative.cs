using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// Paths under a machine's home folder as the document stores them (<c>~/…</c>), so an MCP server's command,
/// arguments and working folder, and a hook's command, are right on every machine: stored relative on the
/// way out, expanded against this machine's home on the way in.
/// </summary>
public static class HomeRelative
{
    private static readonly string[] ServerPathFields = ["command", "cwd"];

    /// <summary>An MCP server's value with home paths stored as <c>~/…</c>.</summary>
    public static JsonNode? StoreServer(JsonNode? server, string home) => MapServer(server, s => Store(s, home));

    public static JsonNode? ExpandServer(JsonNode? server, string home) => MapServer(server, s => Expand(s, home));

    /// <summary>A settings value with home paths in hook commands stored as <c>~/…</c> (other keys as they are).</summary>
    public static JsonNode? StoreSetting(string key, JsonNode? value, string home) =>
        key == "hooks" ? MapCommands(value?.DeepClone(), s => Store(s, home)) : value?.DeepClone();

    public static JsonNode? ExpandSetting(string key, JsonNode? value, string home) =>
        key == "hooks" ? MapCommands(value?.DeepClone(), s => Expand(s, home)) : value?.DeepClone();

    public static string Store(string text, string home)
    {
        var root = home.TrimEnd('/');
        if (root.Length == 0)
            return text;
        if (text == root)
            return "~";
        if (text.StartsWith(root + "/", StringComparison.Ordinal))
            return "~/" + text[(root.Length + 1)..];
        // A hook command line: the path may follow the interpreter ("node /home/me/x.js").
        return text.Replace(" " + root + "/", " ~/", StringComparison.Ordinal);
    }

    public static string Expand(string text, string home)
    {
        var root = home.TrimEnd('/');
        if (text == "~")
            return root;
        if (text.StartsWith("~/", StringComparison.Ordinal))
            text = root + "/" + text[2..];
        return text.Replace(" ~/", " " + root + "/", StringComparison.Ordinal);
    }

    private static JsonNode? MapServer(JsonNode? server, Func<string, string> map)
    {
        if (server?.DeepClone() is not JsonObject copy)
            return server?.DeepClone();
        foreach (var field in ServerPathFields)
        {
            if (copy[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                copy[field] = map(v.GetValue<string>());
        }
        if (copy["args"] is JsonArray args)
        {
            for (var i = 0; i < args.Count; i++)
            {
                if (args[i] is JsonValue a && a.GetValueKind() == JsonValueKind.String)
                    args[i] = map(a.GetValue<string>());
            }
        }
        return copy;
    }

    // Every "command" string anywhere in a hooks value.
    private static JsonNode? MapCommands(JsonNode? node, Func<string, string> map)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key == "command" && obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                        obj[key] = map(v.GetValue<string>());
                    else
                        MapCommands(obj[key], map);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    MapCommands(item, map);
                break;
        }
        return node;
    }
}
