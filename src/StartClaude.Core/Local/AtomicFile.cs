namespace StartClaude.Core.Local;

/// <summary>
/// Replaces a file so that a reader (or a crash) sees the old content or the new, never a mix:
/// write a temp file beside it, flush it to disk, rename it over the target. On Unix the file is
/// created 0600 and its folder 0700, whatever the umask.
/// </summary>
public static class AtomicFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Write(string path, ReadOnlySpan<byte> content) => Write(path, content, OwnerReadWrite);

    /// <summary>
    /// Replaces a file another program owns (Claude Code's): the same atomic way, keeping the mode the file
    /// has, or giving a new one <paramref name="newFileMode"/>. A missing folder is created private.
    /// </summary>
    public static void WriteKeepingMode(string path, ReadOnlySpan<byte> content, UnixFileMode newFileMode = OwnerReadWrite)
    {
        var mode = newFileMode;
        if (!OperatingSystem.IsWindows() && File.Exists(path))
            mode = File.GetUnixFileMode(path);
        Write(path, content, mode);
    }

    private static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var temp = TempBeside(path);
        try
        {
            using (var stream = CreateTemp(temp, mode))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            Replace(temp, path, mode);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>As <see cref="Write(string, ReadOnlySpan{byte})"/>, with the content written by <paramref name="write"/> as it is made (a large file is never held whole).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temp = TempBeside(path);
        try
        {
            using (var stream = CreateTemp(temp, OwnerReadWrite))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            Replace(temp, path, OwnerReadWrite);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static string TempBeside(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        EnsurePrivateFolder(folder);
        return Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    private static FileStream CreateTemp(string temp, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = mode & OwnerReadWrite;
        return new FileStream(temp, options);
    }

    private static void Replace(string temp, string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, mode);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Proves that <paramref name="folder"/> takes a new file (created and removed at once).</summary>
    /// <exception cref="IOException">It does not (read-only file system, no space).</exception>
    /// <exception cref="UnauthorizedAccessException">It does not (permissions).</exception>
    public static void CheckWritable(string folder)
    {
        var probe = Path.Combine(folder, $".write-check.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.DeleteOnClose };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerReadWrite;
        using var stream = new FileStream(probe, options);
    }

    public static void EnsurePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }
}
