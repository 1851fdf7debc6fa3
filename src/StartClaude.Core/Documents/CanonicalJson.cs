using System.Buffers;
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

    // A sync takes the canonical text of every config of several documents (30,000 calls at 10,000
    // configs): one writer and buffer per thread spare a pair of allocations each. A buffer grown for a
    // whole document is not kept.
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? SpareBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? SpareWriter;

    public static string Of(JsonNode? node) => Of(node, skipKey: null);

    /// <summary>The canonical text of <paramref name="node"/> with its own top-level <paramref name="skipKey"/> left out.</summary>
    public static string Of(JsonNode? node, string? skipKey)
    {
        var buffer = Written(node, skipKey);
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Release(buffer);
        return text;
    }

    /// <summary>
    /// The SHA-256 of <paramref name="node"/>'s canonical UTF-8 form. The text is hashed as it is written, a
    /// few KiB at a time: a whole document's text (3 MB at 10,000 configs) is never held.
    /// </summary>
    public static byte[] Sha256Of(JsonNode? node)
    {
        var drain = new Drain();
        var buffer = Written(node, null, drain);
        var hash = drain.Finish(buffer);
        Release(buffer);
        return hash;
    }

    // Written straight from the tree, keys sorted on the way: no sorted copy of the tree is built. With a
    // hash, what is written so far goes into it whenever a few KiB are waiting, and the buffer starts over.
    private static ArrayBufferWriter<byte> Written(JsonNode? node, string? skipKey, Drain? drain = null)
    {
        var buffer = SpareBuffer ?? new ArrayBufferWriter<byte>(256);
        var writer = SpareWriter ?? new Utf8JsonWriter(buffer, WriterOptions);
        // Taken while in use: a nested call (none today) would get its own.
        SpareBuffer = null;
        SpareWriter = null;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        drain?.Start(writer, buffer);
        Write(writer, node, skipKey, drain);
        writer.Flush();
        if (buffer.Capacity <= KeptBufferBytes)
            SpareWriter = writer;
        return buffer;
    }

    private static void Release(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= KeptBufferBytes && SpareWriter is not null)
            SpareBuffer = buffer;
        else
            SpareWriter = null;
    }

    // Hashes what was written whenever a chunk is waiting. A config's text never fills one, so its hash is
    // taken in one call at the end; an incremental hash is made only for text longer than a chunk.
    private sealed class Drain
    {
        private const int Chunk = 16 * 1024;

        private Utf8JsonWriter? _writer;
        private ArrayBufferWriter<byte>? _buffer;
        private System.Security.Cryptography.IncrementalHash? _hash;

        public void Start(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer) => (_writer, _buffer) = (writer, buffer);

        public void IfFull()
        {
            if (_writer!.BytesPending + _buffer!.WrittenCount < Chunk)
                return;
            _writer.Flush();
            _hash ??= System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            _hash.AppendData(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }

        public byte[] Finish(ArrayBufferWriter<byte> buffer)
        {
            if (_hash is null)
                return System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan);
            using (_hash)
            {
                _hash.AppendData(buffer.WrittenSpan);
                return _hash.GetHashAndReset();
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, string? skipKey, Drain? drain = null)
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
                    Write(writer, obj[key], null, drain);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item, null, drain);
                    drain?.IfFull();
                }
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
