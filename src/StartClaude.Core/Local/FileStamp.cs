namespace StartClaude.Core.Local;

/// <summary>
/// Which version of a file a reader saw: its inode (Linux; 0 elsewhere), size and last write time. An
/// atomic replace makes a new inode, and a write in place moves the time, so an equal stamp means the
/// content read under it is still the file's.
/// </summary>
public sealed record FileStamp(ulong Inode, long Length, DateTime LastWriteUtc)
{
    /// <summary>The stamp of <paramref name="path"/> now, or null when it is not a regular file.</summary>
    public static FileStamp? Of(string path)
    {
        var status = FileStatus.Of(path);
        if (status.Kind != FileKind.Regular)
            return null;
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(status.Inode, info.Length, info.LastWriteTimeUtc) : null;
    }
}
