using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Tool.Console;

/// <summary>The pieces of the <c>--json</c> objects (schema in docs/json.md).</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const int SchemaVersion = 1;

    public static JsonObject Result(string command) => new() { ["schema"] = SchemaVersion, ["command"] = command, ["ok"] = true };

    public static JsonObject Failure(string command, string message, int exitCode) => new()
    {
        ["schema"] = SchemaVersion,
        ["command"] = command,
        ["ok"] = false,
        ["error"] = message,
        ["exitCode"] = exitCode,
    };

    public static JsonObject Remote(RemoteObjectInfo info, int configs, bool downloaded) => new()
    {
        ["size"] = info.Size >= 0 ? info.Size : null,
        ["lastModified"] = Time(info.LastModified),
        ["etag"] = info.ETag,
        ["configs"] = configs,
        ["downloaded"] = downloaded,
    };

    /// <summary>Changes since the last agreed document: config names, never their fields.</summary>
    public static JsonNode? Changes(DocumentDifference? changes) => changes is null ? null : new JsonObject
    {
        ["added"] = Names(changes.OnlyLocal),
        ["removed"] = Names(changes.OnlyRemote),
        ["changed"] = Names(changes.Changed.Select(c => c.Local)),
        ["claudeItems"] = Items(changes.Items, "added", "removed", "changed"),
        ["otherContentChanged"] = changes.OtherContentDiffers,
    };

    /// <summary>How the local and remote documents differ when there is no agreed document to compare with.</summary>
    public static JsonNode? Difference(DocumentDifference? difference) => difference is null ? null : new JsonObject
    {
        ["onlyLocal"] = Names(difference.OnlyLocal),
        ["onlyRemote"] = Names(difference.OnlyRemote),
        ["differ"] = Names(difference.Changed.Select(c => c.Local)),
        ["claudeItems"] = Items(difference.Items, "onlyLocal", "onlyRemote", "differ"),
        ["otherContentDiffers"] = difference.OtherContentDiffers,
    };

    // Claude Code items by id (file:PATH, mcp:NAME, setting:KEY), never their content.
    private static JsonObject Items(IReadOnlyList<ClaudeItemDifference> items, string onlyLocal, string onlyRemote, string changed) => new()
    {
        [onlyLocal] = new JsonArray([.. items.Where(i => i.Remote is null).Select(i => (JsonNode?)i.Id)]),
        [onlyRemote] = new JsonArray([.. items.Where(i => i.Local is null).Select(i => (JsonNode?)i.Id)]),
        [changed] = new JsonArray([.. items.Where(i => i.Local is not null && i.Remote is not null).Select(i => (JsonNode?)i.Id)]),
    };

    public static string? Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Names(IEnumerable<ConfigEntry> configs) => [.. configs.Select(c => (JsonNode?)(c.Name ?? c.Id ?? "(unnamed)"))];
}
