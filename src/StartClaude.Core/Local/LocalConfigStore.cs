using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Local;

/// <summary>
/// Reads and atomically replaces this machine's config.json, keeping the previous content in the
/// backups whenever a write changes it. A config.json that is a symbolic link (as dotfile managers
/// make) is read and written through to its target, so the link stays a link; anything that is not a
/// regular file is refused before it is opened.
/// </summary>
public sealed class LocalConfigStore(AppEnvironment environment, BackupStore backups) : Sync.ILocalDocumentStore
{
    public const string FileName = "config.json";

    public string Folder => environment.StartClaudeHome;

    public string ConfigPath => Path.Combine(Folder, FileName);

    /// <summary>The file a write replaces: config.json, or the final target of the link it is.</summary>
    /// <exception cref="LocalConfigException">The links loop or cannot be followed.</exception>
    public string TargetPath => LocalFile.FinalTarget(ConfigPath);

    /// <summary>The local document, or null when config.json does not exist yet.</summary>
    /// <exception cref="DocumentFormatException">config.json exists but is not a config document.</exception>
    /// <exception cref="LocalConfigException">config.json cannot be read, or is not a regular file.</exception>
    public ConfigDocument? Read()
    {
        var bytes = ReadBytes(ConfigPath);
        if (bytes is null)
            RequireFolder();
        return bytes is null ? null : ConfigDocument.Parse(bytes, ConfigPath);
    }

    /// <summary>The local document, or an empty one when config.json does not exist yet.</summary>
    public ConfigDocument ReadOrEmpty() => Read() ?? ConfigDocument.CreateEmpty();

    /// <summary>
    /// Restores a backup (keeping the current file as a backup first). The current <c>settings.s3Sync</c>
    /// is kept: backups never hold it, and a restore is about configs, not this machine's sync settings.
    /// </summary>
    /// <exception cref="DocumentFormatException">The backup is not a config document.</exception>
    public ConfigDocument Restore(Backup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var bytes = ReadBytes(backup.Path) ?? throw new LocalConfigException($"the backup {backup.Path} is gone");
        var document = ConfigDocument.Parse(bytes, backup.Path);
        var current = CurrentOrNull();
        var restored = current is not null ? Sync.SharedDocument.ApplyToLocal(document, current) : document;
        Write(restored);
        return restored;
    }

    public void Write(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        WriteBytes(document.ToUtf8Bytes());
    }

    /// <summary>Proves config.json can be replaced (its folder, or its link target's, takes a new file), before anything remote is written.</summary>
    /// <exception cref="LocalConfigException">It cannot.</exception>
    public void CheckWritable()
    {
        var target = TargetPath;
        try
        {
            if (FileStatus.Of(target).Kind is not (FileKind.Missing or FileKind.Regular) and var kind)
                throw LocalFile.NotRegular(target, kind);
            var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (Directory.Exists(folder))
                AtomicFile.CheckWritable(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot write {target} ({LocalFile.Reason(ex)}); nothing was changed here or remotely", ex);
        }
    }

    // A config document the store would accept, or null when there is none or it does not parse.
    private ConfigDocument? CurrentOrNull()
    {
        try
        {
            return Read();
        }
        catch (StartClaudeException)
        {
            return null;
        }
    }

    // No config.json: the home is fine when it is a folder, or not there yet. Something else there (a file
    // START_CLAUDE_HOME points at by mistake) is no "empty home": configs may not be written through it.
    private void RequireFolder()
    {
        var kind = FileStatus.Of(Folder).Kind;
        if (kind is not (FileKind.Missing or FileKind.Directory))
            throw NotAFolder(Folder, kind);
    }

    /// <summary>The home (<paramref name="folder"/>) is something other than a folder.</summary>
    public static LocalConfigException NotAFolder(string folder, FileKind kind) =>
        new($"the start-claude home {TerminalText.Escape(folder)} is {FileStatus.Describe(kind)}, not a folder; point {AppEnvironment.HomeVariable} at a folder (or unset it); nothing was read or changed");

    private static byte[]? ReadBytes(string path) => LocalFile.ReadBytes(path, ConfigDocument.MaxBytes);

    private void WriteBytes(byte[] content)
    {
        var target = TargetPath;
        try
        {
            if (FileStatus.Of(target).Kind is not (FileKind.Missing or FileKind.Regular) and var kind)
                throw LocalFile.NotRegular(target, kind);
            if (ReadBytesOrNull(target) is { } previous)
            {
                if (previous.AsSpan().SequenceEqual(content))
                    return;
                backups.Keep(previous);
            }
            var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (folder != Path.GetFullPath(Folder))
                StaleTempFiles.Remove(folder);
            AtomicFile.Write(target, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot write {target}: {LocalFile.Reason(ex)}", ex);
        }
    }

    // The previous content for the backup; one too large to be a document is not kept.
    private static byte[]? ReadBytesOrNull(string path) =>
        LocalFile.IsRegularWithin(path, ConfigDocument.MaxBytes) ? File.ReadAllBytes(path) : null;
}
