using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartClaude.Core.Sync;

/// <summary>
/// The bytes of sync-state.json: compact JSON (what older versions wrote indented reads the same), with one
/// remote entry's base written straight from the agreed document's tree rather than from a copy in the state.
/// </summary>
internal static class SyncStateText
{
    /// <returns>The text, in a buffer (its written part is the file; no copy of 3 MB is made to hand it over).</returns>
    public static ArrayBufferWriter<byte> Of(JsonObject state, string remoteId, JsonObject? baseRoot, int maxDepth)
    {
        var buffer = new ArrayBufferWriter<byte>(baseRoot?["configs"] is JsonArray configs ? Documents.ConfigDocument.EstimatedTextBytes(configs.Count) : 4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = maxDepth }))
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
        buffer.Write("\n"u8);
        return buffer;
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
            baseRoot.WriteTo(writer);
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
