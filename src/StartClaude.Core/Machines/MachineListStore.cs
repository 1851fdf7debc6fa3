using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>
/// What this machine knows of its personal remote's machine list, in <c>~/.start-claude/machines.json</c>
/// (0600): the list's id (pinned when it joined), the newest list and serial verified, last writes.
/// </summary>
public sealed class MachineListStore(AppEnvironment environment)
{
    public const string FileName = "machines.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Path => System.IO.Path.Combine(environment.StartClaudeHome, FileName);

    /// <summary>The list for the document at <paramref name="documentKey"/>, or null when this machine has joined none.</summary>
    /// <exception cref="LocalConfigException">The file is there but not for that key, or not readable as one.</exception>
    public TeamState? Read(string documentKey)
    {
        // Bounded, and never a FIFO or a folder taken for the file: the one reader of small local files.
        if (LocalFile.ReadBytes(Path, TeamStateStore.MaxFileBytes) is not { } bytes)
            return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new LocalConfigException($"{Path} is not valid JSON; move it away and join again: start-claude s3-setup --encrypt --machine-keys");
        }
        if (node is JsonObject root && root["key"] is JsonValue k && k.TryGetValue<string>(out var key) && key != documentKey)
            throw new LocalConfigException($"{Path} is the machine list of the object '{TerminalTextOf(key)}', not of '{TerminalTextOf(documentKey)}' this machine syncs with: run start-claude s3-setup --encrypt --machine-keys to join this one");
        try
        {
            return TeamState.FromJson(node, MachineKeys.ListName, Path, documentKey);
        }
        catch (TeamException ex)
        {
            throw new LocalConfigException($"{Path} is not a machine list this version reads ({ex.Message}); move it away and join again: start-claude s3-setup --encrypt --machine-keys");
        }
    }

    public void Write(TeamState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        AtomicFile.EnsurePrivateFolder(environment.StartClaudeHome);
        AtomicFile.Write(Path, JsonSerializer.SerializeToUtf8Bytes(state.ToJson(), Indented));
    }

    private static string TerminalTextOf(string text) => Documents.TerminalText.Bounded(text);
}
