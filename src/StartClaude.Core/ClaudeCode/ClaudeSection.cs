using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// The Claude Code items in a config document: the top-level <c>claudeCode</c> object, with
/// <c>files</c> (path → <c>{"text": ...}</c>), <c>mcpServers</c> (name → <c>{"value": {...}}</c>) and
/// <c>settings</c> (key → <c>{"value": ...}</c>); a deleted item is the tombstone <c>{"deleted": true}</c>.
/// Other keys inside it (from a newer version) are kept as they are. This class reads and checks that
/// shape, and builds the view of this machine's items the planner compares (<see cref="LocalView"/>).
/// </summary>
public static class ClaudeSection
{
    public const string Key = "claudeCode";
    public const string Files = "files";
    public const string McpServers = "mcpServers";
    public const string Settings = "settings";
    public const int MaxFiles = 2000;
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxNamedItems = 1000;

    private static readonly string[] Maps = [Files, McpServers, Settings];

    /// <summary>The section of <paramref name="root"/>, or null.</summary>
    public static JsonObject? Of(JsonObject root) => root[Key] as JsonObject;

    /// <summary>A live file item.</summary>
    public static JsonObject FileItem(string text) => new() { ["text"] = text };

    /// <summary>A live MCP server or settings item.</summary>
    public static JsonObject ValueItem(JsonNode? value) => new() { ["value"] = value?.DeepClone() };

    public static JsonObject Tombstone() => new() { ["deleted"] = true };

    public static bool IsTombstone(JsonNode? item) =>
        item is JsonObject obj && obj["deleted"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>The text of a live file item, or null.</summary>
    public static string? TextOf(JsonNode? item) =>
        !IsTombstone(item) && item is JsonObject obj && obj["text"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The value of a live MCP server or settings item (present: the bool), or not present.</summary>
    public static (bool Present, JsonNode? Value) ValueOf(JsonNode? item) =>
        !IsTombstone(item) && item is JsonObject obj && obj.TryGetPropertyValue("value", out var value) ? (true, value) : (false, null);

    /// <summary>Every item of the section, by id (<see cref="ClaudeItemIds"/>), tombstones included.</summary>
    public static IEnumerable<(string Id, JsonNode? Item)> Items(JsonObject? section)
    {
        if (section is null)
            yield break;
        foreach (var map in Maps)
        {
            if (section[map] is not JsonObject items)
                continue;
            foreach (var (name, item) in items)
                yield return (IdOf(map, name), item);
        }
    }

    /// <summary>The live items (no tombstones), by id.</summary>
    public static IEnumerable<string> LiveIds(JsonObject? section) =>
        Items(section).Where(i => !IsTombstone(i.Item)).Select(i => i.Id);

    public static string IdOf(string map, string name) => map switch
    {
        Files => ClaudeItemIds.File(name),
        McpServers => ClaudeItemIds.Mcp(name),
        _ => ClaudeItemIds.Setting(name),
    };

    /// <summary>The map and the name within it of an item id.</summary>
    public static (string Map, string Name) Split(string id) => id switch
    {
        _ when id.StartsWith(ClaudeItemIds.FilePrefix, StringComparison.Ordinal) => (Files, id[ClaudeItemIds.FilePrefix.Length..]),
        _ when id.StartsWith(ClaudeItemIds.McpPrefix, StringComparison.Ordinal) => (McpServers, id[ClaudeItemIds.McpPrefix.Length..]),
        _ => (Settings, id[ClaudeItemIds.SettingPrefix.Length..]),
    };

    /// <summary>How an item is named for a person: "file agents/x.md", "MCP server github", "Claude setting model".</summary>
    public static string Label(string id)
    {
        var (map, name) = Split(id);
        var shown = TerminalText.Escape(name);
        return map switch
        {
            Files => $"file {shown}",
            McpServers => $"MCP server {shown}",
            _ => $"Claude setting {shown}",
        };
    }

    /// <summary>Holds a document's section to the shape, paths and limits (docs/claude-files.md).</summary>
    /// <exception cref="DocumentFormatException">It breaks one: one sentence naming the item, never its content.</exception>
    internal static void Check(JsonObject root, string origin)
    {
        if (!root.TryGetPropertyValue(Key, out var node) || node is null)
            return;
        if (node is not JsonObject section)
            throw new DocumentFormatException($"{origin}: \"{Key}\" must be an object");
        foreach (var map in Maps)
        {
            if (!section.TryGetPropertyValue(map, out var itemsNode) || itemsNode is null)
                continue;
            if (itemsNode is not JsonObject items)
                throw new DocumentFormatException($"{origin}: \"{Key}.{map}\" must be an object");
            var limit = map == Files ? MaxFiles : MaxNamedItems;
            if (items.Count > limit)
                throw new DocumentFormatException($"{origin} holds {items.Count:N0} {(map == Files ? "Claude Code files" : map == McpServers ? "MCP servers" : "Claude settings keys")}, more than the {limit:N0} it may");
            foreach (var (name, item) in items)
            {
                var label = Label(IdOf(map, name));
                if (map == Files && ClaudePath.Problem(name) is { } problem)
                    throw new DocumentFormatException($"{origin}: refused {label}: {problem}; nothing was written");
                if (map != Files && (name.Length is 0 or > 256 || name.Any(char.IsControl)))
                    throw new DocumentFormatException($"{origin}: refused {label}: a name must be 1 to 256 characters without control characters; nothing was written");
                if (item is not JsonObject fields)
                    throw new DocumentFormatException($"{origin}: {label} must be an object");
                if (IsTombstone(fields))
                    continue;
                if (map == Files)
                {
                    if (fields["text"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                        throw new DocumentFormatException($"{origin}: {label} must hold its \"text\" as a string");
                    var content = text.GetValue<string>();
                    if (System.Text.Encoding.UTF8.GetByteCount(content) > MaxFileBytes)
                        throw new DocumentFormatException($"{origin}: {label} is larger than the {MaxFileBytes / 1024:N0} KiB a carried file may be");
                    if (content.Contains('\0', StringComparison.Ordinal))
                        throw new DocumentFormatException($"{origin}: refused {label}: it holds binary content (a NUL character), and only text files are carried; nothing was written");
                }
                else if (!fields.ContainsKey("value"))
                    throw new DocumentFormatException($"{origin}: {label} must hold a \"value\"");
                else if (map == McpServers && fields["value"] is not JsonObject)
                    throw new DocumentFormatException($"{origin}: {label} must be an object");
            }
            if (map == Files)
                CheckFileTree(items, origin);
        }
    }

    // A live file whose path is the folder of another live file cannot be written: one of them would fail half-way.
    private static void CheckFileTree(JsonObject files, string origin)
    {
        var live = files.Where(f => !IsTombstone(f.Value)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var path in live)
        {
            for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (live.Contains(path[..slash]))
                    throw new DocumentFormatException($"{origin}: refused file {TerminalText.Escape(path)}: {TerminalText.Escape(path[..slash])} is a file in the same document; nothing was written");
            }
        }
    }

    /// <summary>
    /// This machine's side as the planner compares it: the items read from disk for the kinds it carries
    /// (<paramref name="fromDisk"/>), and, for everything it does not carry, the agreed (or else the remote)
    /// version, so what it does not carry is never a change made here and stays in the document untouched.
    /// An item it carries that the base held and the disk no longer has becomes a tombstone, once its kind has
    /// joined (<see cref="ClaudeChoice.Joined"/>); before that, it is one this machine never had, and comes here.
    /// </summary>
    public static JsonObject? LocalView(JsonObject? fromDisk, JsonObject? baseSection, JsonObject? remoteSection, ClaudeChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var reference = baseSection ?? remoteSection;
        var view = new JsonObject();
        // Keys of the section this version does not know: as agreed.
        foreach (var (key, value) in reference ?? [])
        {
            if (!Maps.Contains(key))
                view[key] = value?.DeepClone();
        }
        var carried = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (id, item) in Items(fromDisk))
        {
            if (choice.Carries(id))
                carried[id] = item;
        }
        foreach (var (id, item) in Items(reference))
        {
            if (!choice.Carries(id) || (!carried.ContainsKey(id) && !choice.HasJoined(id)))
                Put(view, id, item?.DeepClone());
            else if (!carried.ContainsKey(id) && baseSection is not null)
                Put(view, id, IsTombstone(item) ? item!.DeepClone() : Tombstone());
        }
        foreach (var (id, item) in carried)
            Put(view, id, item?.DeepClone());
        return Normalized(view);
    }

    /// <summary>The section with empty maps left out, or null when nothing is left.</summary>
    public static JsonObject? Normalized(JsonObject? section)
    {
        if (section is null)
            return null;
        foreach (var map in Maps)
        {
            if (section[map] is JsonObject { Count: 0 })
                section.Remove(map);
        }
        return section.Count == 0 ? null : section;
    }

    /// <summary>Sets item <paramref name="id"/> in <paramref name="section"/>.</summary>
    public static void Put(JsonObject section, string id, JsonNode? item)
    {
        var (map, name) = Split(id);
        if (section[map] is not JsonObject items)
            section[map] = items = new JsonObject();
        items[name] = item;
    }

    /// <summary>The item <paramref name="id"/> of <paramref name="section"/>, or null.</summary>
    public static JsonNode? Get(JsonObject? section, string id)
    {
        var (map, name) = Split(id);
        return section?[map] is JsonObject items && items.TryGetPropertyValue(name, out var item) ? item : null;
    }
}
