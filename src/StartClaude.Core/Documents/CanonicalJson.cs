using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartClaude.Core.Documents;

/// <summary>Compact JSON with object keys sorted at every level: equal content gives equal text.</summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Trees read from documents are already depth-checked; built ones are shallow.
        MaxDepth = 1000,
    };

    public static string Of(JsonNode? node) => Of(node, skipKey: null);

    /// <summary>The canonical text of <paramref name="node"/> with its own top-level <paramref name="skipKey"/> left out.</summary>
    public static string Of(JsonNode? node, string? skipKey)
    {
        // Written straight from the tree, keys sorted on the way: no sorted copy of the tree is built.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, node, skipKey);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, string? skipKey)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                var keys = new List<string>(obj.Count);
                foreach (var (key, _) in obj)
                {
                    if (key != skipKey)
                        keys.Add(key);
                }
                keys.Sort(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    writer.WritePropertyName(key);
                    Write(writer, obj[key], null);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    Write(writer, item, null);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
