using System.Globalization;

namespace StartClaude.Core.Local;

/// <summary>One kept copy of config.json.</summary>
public sealed record Backup(string Id, string Path, DateTimeOffset Taken, long Size);

/// <summary>
/// Copies of config.json taken before the tool replaces or merges into it, in <c>backups/</c>
/// (folder 0700, files 0600), newest <see cref="MaxBackups"/> kept.
/// </summary>
public sealed class BackupStore(AppEnvironment environment)
{
    public const int MaxBackups = 20;
    private const string Prefix = "config-";
    private const string Format = "yyyyMMdd'T'HHmmssfff'Z'";

    public string Folder => Path.Combine(environment.StartClaudeHome, "backups");

    public Backup Keep(ReadOnlySpan<byte> previous)
    {
        AtomicFile.EnsurePrivateFolder(environment.StartClaudeHome);
        AtomicFile.EnsurePrivateFolder(Folder);
        var now = DateTimeOffset.UtcNow;
        var id = now.ToString(Format, CultureInfo.InvariantCulture);
        var path = System.IO.Path.Combine(Folder, $"{Prefix}{id}.json");
        for (var n = 1; File.Exists(path); n++)
            path = System.IO.Path.Combine(Folder, $"{Prefix}{id}-{n}.json");
        AtomicFile.Write(path, previous);
        foreach (var old in List().Skip(MaxBackups))
            File.Delete(old.Path);
        return new Backup(System.IO.Path.GetFileNameWithoutExtension(path)[Prefix.Length..], path, now, previous.Length);
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
}
