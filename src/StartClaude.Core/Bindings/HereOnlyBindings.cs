using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.Bindings;

/// <summary>
/// bindings.json in the start-claude home: folders bound to a config on this machine only
/// (`start-claude bind --here-only NAME`). A file of its own, beside config.json rather than in it, so it
/// can never travel in the synced document: paths differ from machine to machine.
/// Shape: <c>{ "bindings": { "/abs/folder": "config name", ... } }</c>.
/// </summary>
public sealed class HereOnlyBindings(AppEnvironment environment)
{
    public const string FileName = "bindings.json";

    private const long MaxBytes = 1024 * 1024;
    private const int MaxDepth = 8;

    public string Path => System.IO.Path.Combine(environment.StartClaudeHome, FileName);

    /// <summary>How folders are compared: as the file system compares names.</summary>
    public static StringComparer FolderComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>A folder as bindings record it: absolute, without a trailing separator.</summary>
    public static string Key(string folder) => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));

    /// <summary>Every binding, by folder; empty when the file does not exist.</summary>
    /// <exception cref="LocalConfigException">The file is there but is not a bindings file.</exception>
    public Dictionary<string, string> Read()
    {
        var bindings = new Dictionary<string, string>(FolderComparer);
        var path = Path;
        if (LocalFile.ReadBytes(path, MaxBytes) is not { } bytes)
            return bindings;
        try
        {
            StrictJsonCheck.Run(bytes, path, MaxDepth);
            ReadInto(bytes, bindings);
            return bindings;
        }
        catch (Exception ex) when (ex is DocumentFormatException or JsonException)
        {
            throw new LocalConfigException($"{TerminalText.Escape(path)} is not a bindings file ({TerminalText.Escape(ex.Message)}); fix it or remove it (it holds only this machine's start-claude bind --here-only bindings)", ex);
        }
    }

    /// <summary>Replaces the file with <paramref name="bindings"/>, atomically and 0600.</summary>
    public void Save(IReadOnlyDictionary<string, string> bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        var folders = new JsonObject();
        var ordered = new List<string>(bindings.Keys);
        ordered.Sort(StringComparer.Ordinal);
        foreach (var folder in ordered)
            folders[folder] = bindings[folder];
        var root = new JsonObject { ["bindings"] = folders };
        try
        {
            AtomicFile.Write(Path, Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot write {TerminalText.Escape(Path)}: {LocalFile.Reason(ex)}", ex);
        }
    }

    // Straight from the reader (a JsonDocument would load System.IO.Pipelines on every start that has the file).
    private static void ReadInto(byte[] utf8, Dictionary<string, string> bindings)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new DocumentFormatException("it is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name != "bindings")
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new DocumentFormatException("\"bindings\" is not an object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var folder = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 } config)
                    throw new DocumentFormatException($"the binding of {TerminalText.Escape(folder)} is not a config name");
                if (!System.IO.Path.IsPathFullyQualified(folder))
                    throw new DocumentFormatException($"{TerminalText.Escape(folder)} is not an absolute folder");
                bindings[Key(folder)] = config;
            }
        }
    }
}
