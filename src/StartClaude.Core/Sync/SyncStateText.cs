using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartClaude.Core.Sync;

/// <summary>
/// The text of sync-state.json: compact JSON (what older versions wrote indented reads the same), with one
/// remote entry's base written straight from the agreed document's tree rather than from a copy in the state,
/// and to the file as it is made, a few KiB at a time (a 3 MB text is never held).
/// </summary>
internal static class SyncStateText
{
    public static void Write(Stream file, JsonObject state, string remoteId, JsonObject? baseRoot, int maxDepth)
    {
        using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { MaxDepth = maxDepth }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in state)
            {
                writer.WritePropertyName(key);
                if (baseRoot is not null && key == "remotes" && value is JsonObject remotes)
                    WriteRemotes(writer, remotes, remoteId, baseRoot);
                else
                    WriteNode(writer, value);
            }
            writer.WriteEndObject();
        }
        file.Write("\n"u8);
    }

    private static void WriteRemotes(Utf8JsonWriter writer, JsonObject remotes, string remoteId, JsonObject baseRoot)
    {
        writer.WriteStartObject();
        foreach (var (id, entry) in remotes)
        {
            writer.WritePropertyName(id);
            if (id != remoteId || entry is not JsonObject fields)
            {
                WriteNode(writer, entry);
                continue;
            }
            writer.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                writer.WritePropertyName(key);
                WriteNode(writer, value);
            }
            writer.WritePropertyName("base");
            Documents.ChunkedJson.WriteObject(writer, baseRoot);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
            writer.WriteNullValue();
        else
            node.WriteTo(writer);
    }
}
