using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.Sync;

/// <summary>
/// last-check.json beside config.json: when this machine last checked the remote on its own (before
/// starting a config), and which remote. A start reads it on every run, so it is a file of its own:
/// a few bytes, where sync-state.json holds a whole document.
/// </summary>
public sealed class StartCheckStore(AppEnvironment environment)
{
    public const string FileName = "last-check.json";

    private const long MaxBytes = 64 * 1024;
    private const int MaxDepth = 8;
    private static readonly long MinUnixMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public string Path => System.IO.Path.Combine(environment.StartClaudeHome, FileName);

    /// <summary>When <paramref name="remote"/> was last checked; null when never, or when the file is unreadable or damaged.</summary>
    public DateTimeOffset? ReadCheckedAt(string remote)
    {
        try
        {
            // Read as the other files of the home are: a FIFO or device in its place is never opened, and
            // a duplicate key is damage like any other.
            if (LocalFile.ReadBytes(Path, MaxBytes) is not { } bytes)
                return null;
            StrictJsonCheck.Run(bytes, Path, MaxDepth);
            return Read(bytes) is ({ } recorded, { } milliseconds) && recorded == remote
                && milliseconds >= MinUnixMilliseconds && milliseconds <= MaxUnixMilliseconds
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
        }
        catch (Exception ex) when (ex is StartClaudeException or JsonException)
        {
            return null;
        }
    }

    // The two fields, straight from the reader that checked the text: a tree (JsonNode's generic value
    // access) or a JsonDocument (which loads System.IO.Pipelines) cost every start time. Either field is
    // null when absent or of another type (a number that is not a whole one in range included).
    private static (string? Remote, long? At) Read(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return (null, null);
        string? remote = null;
        long? at = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "remote" && reader.TokenType == JsonTokenType.String)
                remote = reader.GetString();
            else if (name == "at" && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var milliseconds))
                at = milliseconds;
            else
                reader.Skip();
        }
        return (remote, at);
    }

    /// <summary>Records a check; only the latest is kept. A home that cannot be written costs only the record.</summary>
    public void SaveCheckedAt(string remote, DateTimeOffset at)
    {
        var record = new JsonObject
        {
            ["remote"] = remote,
            // Milliseconds since 1970 (UTC): a number, because parsing a date's text costs every start time.
            ["at"] = at.ToUnixTimeMilliseconds(),
        };
        try
        {
            AtomicFile.Write(Path, Encoding.UTF8.GetBytes(record.ToJsonString() + "\n"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
