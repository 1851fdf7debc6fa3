using StartClaude.Core.Errors;

namespace StartClaude.Core.Local;

/// <summary>
/// Reads a file only when it is a regular file of bounded size: a FIFO would block the open, a device
/// such as /dev/zero never ends, and a directory is not "missing". Symbolic links are followed.
/// </summary>
public static class LocalFile
{
    /// <summary>The bytes of <paramref name="path"/>, or null when nothing is there (a dangling link included).</summary>
    /// <exception cref="LocalConfigException">It is not a regular file, is larger than <paramref name="maxBytes"/>, or cannot be read.</exception>
    public static byte[]? ReadBytes(string path, long maxBytes)
    {
        try
        {
            var kind = FileStatus.Of(path).Kind;
            if (kind == FileKind.Missing)
                return null;
            if (kind != FileKind.Regular)
                throw NotRegular(path, kind);
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
                throw new LocalConfigException($"{path} is {length:N0} bytes, more than the {Sizes(maxBytes)} it may be; nothing was read or changed");
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot read {path}: {Reason(ex)}", ex);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a regular file of at most <paramref name="maxBytes"/> (quietly false otherwise).</summary>
    public static bool IsRegularWithin(string path, long maxBytes)
    {
        try
        {
            return FileStatus.Of(path).Kind == FileKind.Regular && new FileInfo(path).Length <= maxBytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The file a write to <paramref name="path"/> replaces: the path, or the final target of the link it is (so the link stays a link).</summary>
    /// <exception cref="LocalConfigException">The links loop or cannot be followed.</exception>
    public static string FinalTarget(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot follow the symbolic link {Documents.TerminalText.Escape(path)}: {Reason(ex)}", ex);
        }
    }

    public static LocalConfigException NotRegular(string path, FileKind kind) =>
        new($"{path} is {FileStatus.Describe(kind)}, not a regular file; start-claude reads and writes only regular files (a symbolic link to one is fine). Move it away; nothing was read or changed");

    /// <summary>The OS's reason in words, without the path .NET repeats in its messages.</summary>
    public static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        _ when ex.HResult == 30 || ex.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "the file system is read-only",
        _ when ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => "no space left on the device",
        _ when ex.Message.Contains("Too many levels of symbolic links", StringComparison.OrdinalIgnoreCase) => "its symbolic links form a loop",
        _ => ex.Message,
    };

    private static string Sizes(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes:N0} bytes";
}
