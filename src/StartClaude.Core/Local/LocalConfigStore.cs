using StartClaude.Core.Documents;

namespace StartClaude.Core.Local;

/// <summary>
/// Reads and atomically replaces this machine's config.json, keeping the previous content in the
/// backups whenever a write changes it.
/// </summary>
public sealed class LocalConfigStore(AppEnvironment environment, BackupStore backups)
{
    public const string FileName = "config.json";

    public string Folder => environment.StartClaudeHome;

    public string ConfigPath => Path.Combine(Folder, FileName);

    /// <summary>The local document, or null when config.json does not exist yet.</summary>
    /// <exception cref="DocumentFormatException">config.json exists but is not a config document.</exception>
    /// <exception cref="Errors.LocalConfigException">config.json cannot be read.</exception>
    public ConfigDocument? Read()
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(ConfigPath);
            if (!info.Exists)
                return null;
            if (info.Length > ConfigDocument.MaxBytes)
                throw new DocumentFormatException($"{ConfigPath} is {info.Length:N0} bytes, more than the {ConfigDocument.MaxBytes / (1024 * 1024)} MiB a config document may be; nothing was changed");
            bytes = File.ReadAllBytes(ConfigPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Errors.LocalConfigException($"cannot read {ConfigPath}: {ex.Message}", ex);
        }

        return ConfigDocument.Parse(bytes, ConfigPath);
    }

    /// <summary>The local document, or an empty one when config.json does not exist yet.</summary>
    public ConfigDocument ReadOrEmpty() => Read() ?? ConfigDocument.CreateEmpty();

    /// <summary>Restores a backup (keeping the current file as a backup first).</summary>
    /// <exception cref="DocumentFormatException">The backup is not a config document.</exception>
    public ConfigDocument Restore(Backup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var bytes = File.ReadAllBytes(backup.Path);
        var document = ConfigDocument.Parse(bytes, backup.Path);
        WriteBytes(bytes);
        return document;
    }

    public void Write(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        WriteBytes(document.ToUtf8Bytes());
    }

    private void WriteBytes(byte[] content)
    {
        try
        {
            if (File.Exists(ConfigPath))
            {
                var previous = File.ReadAllBytes(ConfigPath);
                if (previous.AsSpan().SequenceEqual(content))
                    return;
                backups.Keep(previous);
            }
            AtomicFile.Write(ConfigPath, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Errors.LocalConfigException($"cannot write {ConfigPath}: {ex.Message}", ex);
        }
    }
}
