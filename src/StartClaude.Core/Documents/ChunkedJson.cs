using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartClaude.Core.Documents;

/// <summary>
/// Writes a JSON object to a writer over a stream, the items of its lists one by one and handed on whenever
/// a chunk is waiting: a writer keeps what it was given until flushed, which for a whole 10,000-config
/// document was another 4 MB held at once.
/// </summary>
internal static class ChunkedJson
{
    private const int Chunk = 64 * 1024;

    public static void WriteObject(Utf8JsonWriter writer, JsonObject root, JsonSerializerOptions? options = null)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in root)
        {
            writer.WritePropertyName(key);
            if (value is not JsonArray items)
            {
                WriteNode(writer, value, options);
                continue;
            }
            writer.WriteStartArray();
            foreach (var item in items)
            {
                WriteNode(writer, item, options);
                if (writer.BytesPending >= Chunk)
                    writer.Flush();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, JsonSerializerOptions? options)
    {
        if (node is null)
            writer.WriteNullValue();
        else
            node.WriteTo(writer, options);
    }
}
