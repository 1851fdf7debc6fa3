using System.Text.Json;
using StartClaude.Core.Local;

namespace StartClaude.Core.Launch;

/// <summary>
/// Claude Code's project settings, <c>.claude/settings.json</c> and <c>.claude/settings.local.json</c>, from a
/// folder upward: their <c>env</c> is applied over the environment a start gives claude, so a base URL or a
/// key there silently wins over the chosen config. Read as hostile: one status call per folder (for
/// <c>.claude</c>), files checked for kind and size before they are read, JSON that does not parse reported,
/// never thrown.
/// </summary>
public static class ClaudeProjectSettings
{
    public const long MaxBytes = 1024 * 1024;

    private const int MaxDepth = 64;

    private static readonly string[] FileNames = ["settings.json", "settings.local.json"];

    /// <summary>The settings files from <paramref name="startFolder"/> upward that set any of <paramref name="watched"/>.</summary>
    /// <param name="problems">Receives one sentence per file that could not be checked.</param>
    public static List<SettingsOverride> Overriding(string startFolder, IReadOnlySet<string> watched, Action<string> problems)
    {
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentNullException.ThrowIfNull(problems);
        var found = new List<SettingsOverride>();
        for (string? folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(startFolder)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var settingsFolder = Path.Combine(folder, ".claude");
            if (!IsDirectory(settingsFolder))
                continue;
            foreach (var name in FileNames)
            {
                var path = Path.Combine(settingsFolder, name);
                if (Check(path, watched, problems) is { Count: > 0 } variables)
                    found.Add(new SettingsOverride(path, variables));
            }
        }
        return found;
    }

    private static bool IsDirectory(string path)
    {
        try
        {
            return FileStatus.Of(path).Kind == FileKind.Directory;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<KeyValuePair<string, string>>? Check(string path, IReadOnlySet<string> watched, Action<string> problems)
    {
        byte[]? bytes;
        try
        {
            var kind = FileStatus.Of(path).Kind;
            if (kind == FileKind.Missing)
                return null;
            if (kind != FileKind.Regular)
            {
                problems($"{path} is {FileStatus.Describe(kind)}, not a regular file");
                return null;
            }
            bytes = LocalFile.ReadBytes(path, MaxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Errors.LocalConfigException)
        {
            problems(ex is Errors.LocalConfigException ? ex.Message : $"cannot read {path}: {LocalFile.Reason(ex)}");
            return null;
        }
        if (bytes is null)
            return null;
        try
        {
            return EnvironmentIn(bytes, watched);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            problems($"{path} is not valid JSON");
            return null;
        }
    }

    // The top-level "env" object's watched names, straight from the reader (no JsonDocument on a start's way).
    private static List<KeyValuePair<string, string>> EnvironmentIn(byte[] utf8, IReadOnlySet<string> watched)
    {
        var variables = new List<KeyValuePair<string, string>>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return variables;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name != "env" || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var variable = reader.GetString()!;
                reader.Read();
                var value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
                if (value is null)
                    reader.Skip();
                else if (watched.Contains(variable))
                    variables.Add(new KeyValuePair<string, string>(variable, value));
            }
        }
        // The rest is read too, so that text which is not JSON after "env" is still reported.
        while (reader.Read())
        {
        }
        return variables;
    }
}
