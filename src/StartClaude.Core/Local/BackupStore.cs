using System.Globalization;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Local;

/// <summary>One kept copy of config.json.</summary>
public sealed record Backup(string Id, string Path, DateTimeOffset Taken, long Size);

/// <summary>
/// Copies of config.json taken before the tool replaces or merges into it, in <c>backups/</c>
/// (folder 0700, files 0600), newest <see cref="MaxBackups"/> kept. A copy never holds
/// <c>settings.s3Sync</c> (the S3 secret, a remembered passphrase): a restore keeps the current one.
/// </summary>
public sealed class BackupStore(AppEnvironment environment)
{
    public const int MaxBackups = 20;
    public const string FolderName = "backups";
    private const string Prefix = "config-";
    private const string Format = "yyyyMMdd'T'HHmmssfff'Z'";

    public string Folder => Path.Combine(environment.StartClaudeHome, FolderName);

    public Backup Keep(ReadOnlySpan<byte> previous)
    {
        AtomicFile.EnsurePrivateFolder(environment.StartClaudeHome);
        AtomicFile.EnsurePrivateFolder(Folder);
        var now = DateTimeOffset.UtcNow;
        var id = now.ToString(Format, CultureInfo.InvariantCulture);
        var path = System.IO.Path.Combine(Folder, $"{Prefix}{id}.json");
        for (var n = 1; File.Exists(path); n++)
            path = System.IO.Path.Combine(Folder, $"{Prefix}{id}-{n}.json");
        var kept = WithoutSyncSettings(previous);
        AtomicFile.Write(path, kept);
        foreach (var old in List().Skip(MaxBackups))
            File.Delete(old.Path);
        ScrubOlderCopies(path);
        return new Backup(System.IO.Path.GetFileNameWithoutExtension(path)[Prefix.Length..], path, now, kept.Length);
    }

    /// <summary>The folder of the copies of Claude Code files taken before a sync replaced or deleted them.</summary>
    public string ClaudeFolder => Path.Combine(Folder, "claude");

    /// <summary>A name for one sync's copies of Claude Code files (older ones beyond <see cref="MaxBackups"/> go).</summary>
    public string NewClaudeStamp()
    {
        var stamp = DateTimeOffset.UtcNow.ToString(Format, CultureInfo.InvariantCulture);
        for (var n = 1; Directory.Exists(Path.Combine(ClaudeFolder, stamp)); n++)
            stamp = $"{DateTimeOffset.UtcNow.ToString(Format, CultureInfo.InvariantCulture)}-{n}";
        return stamp;
    }

    /// <summary>Keeps <paramref name="content"/>, a Claude Code file at <paramref name="relative"/>, under this sync's <paramref name="stamp"/>.</summary>
    public void KeepClaudeFile(string stamp, string relative, ReadOnlySpan<byte> content)
    {
        AtomicFile.EnsurePrivateFolder(environment.StartClaudeHome);
        AtomicFile.EnsurePrivateFolder(Folder);
        AtomicFile.EnsurePrivateFolder(ClaudeFolder);
        var root = Path.Combine(ClaudeFolder, stamp);
        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("a backup stays inside its folder", nameof(relative));
        var missing = new Stack<string>();
        for (var folder = Path.GetDirectoryName(path); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
            missing.Push(folder);
        while (missing.Count > 0)
            AtomicFile.EnsurePrivateFolder(missing.Pop());
        AtomicFile.Write(path, content);
        foreach (var old in Directory.EnumerateDirectories(ClaudeFolder).Order(StringComparer.Ordinal).Reverse().Skip(MaxBackups))
            Directory.Delete(old, recursive: true);
    }

    /// <summary>The backups, newest first.</summary>
    public IReadOnlyList<Backup> List()
    {
        if (!Directory.Exists(Folder))
            return [];
        return [.. Directory.EnumerateFiles(Folder, Prefix + "*.json")
            .Select(path =>
            {
                var id = System.IO.Path.GetFileNameWithoutExtension(path)[Prefix.Length..];
                var stamp = id.Split('-')[0];
                var taken = DateTimeOffset.TryParseExact(stamp, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : File.GetLastWriteTimeUtc(path);
                return new Backup(id, path, taken, new FileInfo(path).Length);
            })
            .OrderByDescending(b => b.Taken)
            .ThenByDescending(b => b.Id, StringComparer.Ordinal)];
    }

    public Backup? Find(string id) =>
        id == "latest" ? List().FirstOrDefault() : List().FirstOrDefault(b => b.Id == id);

    // The document without settings.s3Sync. Content that is not a config document is kept as it is:
    // its secrets cannot be told apart, and it may be the only copy of what the person had.
    private static byte[] WithoutSyncSettings(ReadOnlySpan<byte> content)
    {
        // A key spelt with escapes ("s3Sy\u006ec") is still the key: only text with neither is passed as is.
        if (content.IndexOf("s3Sync"u8) < 0 && content.IndexOf("\\u"u8) < 0)
            return content.ToArray();
        try
        {
            return Sync.SharedDocument.FromLocal(ConfigDocument.Parse(content, "the backup")).ToUtf8Bytes();
        }
        catch (DocumentFormatException)
        {
            return content.ToArray();
        }
    }

    // Copies kept by earlier versions still hold settings.s3Sync: take it out of them too.
    private void ScrubOlderCopies(string newest)
    {
        foreach (var backup in List())
        {
            if (backup.Path == newest || !LocalFile.IsRegularWithin(backup.Path, ConfigDocument.MaxBytes))
                continue;
            var content = File.ReadAllBytes(backup.Path);
            var scrubbed = WithoutSyncSettings(content);
            if (!scrubbed.AsSpan().SequenceEqual(content))
                AtomicFile.Write(backup.Path, scrubbed);
        }
    }
}
