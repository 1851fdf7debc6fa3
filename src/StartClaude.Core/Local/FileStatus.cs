using System.Runtime.InteropServices;
using System.Text;

namespace StartClaude.Core.Local;

/// <summary>
/// The kind and identity of a path, read with <c>statx(2)</c> on Linux: .NET reports only "file or
/// directory", and a FIFO or device must be recognised before anything opens it. Elsewhere only
/// directories are told apart (other kinds read as <see cref="FileKind.Regular"/>).
/// </summary>
public sealed partial record FileStatus(FileKind Kind, ulong Inode, uint DeviceMajor, uint DeviceMinor)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxTypeModeIno = 0x1 | 0x2 | 0x100;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int EACCES = 13;
    private const int ELOOP = 40;

    public static readonly FileStatus Missing = new(FileKind.Missing, 0, 0, 0);

    /// <summary>The status of <paramref name="path"/>, following symbolic links unless <paramref name="followLinks"/> is false.</summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return OfLinux(path, followLinks);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                // A libc without statx (musl before 1.2.5): fall through to what .NET can tell.
            }
        }
        return OfManaged(path, followLinks);
    }

    private static FileStatus OfLinux(string path, bool followLinks)
    {
        var buffer = new byte[256];
        if (CallStatx(path, followLinks ? 0 : AtSymlinkNoFollow, buffer, out var errno) != 0)
        {
            if (errno is ENOENT or ENOTDIR)
                return Missing;
            throw errno switch
            {
                EACCES => new UnauthorizedAccessException($"permission denied: {path}"),
                ELOOP => new IOException($"Too many levels of symbolic links: {path}", errno),
                _ => new IOException($"cannot look at {path} (errno {errno})", errno),
            };
        }
        var mode = BitConverter.ToUInt16(buffer, 28);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, BitConverter.ToUInt64(buffer, 32), BitConverter.ToUInt32(buffer, 136), BitConverter.ToUInt32(buffer, 140));
    }

    private static FileStatus OfManaged(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
            return Missing;
        if (!followLinks && info.LinkTarget is not null)
            return new FileStatus(FileKind.SymbolicLink, 0, 0, 0);
        if (followLinks && info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            if (!info.Exists && !Directory.Exists(info.FullName))
                return Missing;
        }
        return new FileStatus(Directory.Exists(info.FullName) ? FileKind.Directory : FileKind.Regular, 0, 0, 0);
    }

    /// <summary>How the kind reads in a sentence: "a FIFO (named pipe)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    // errno is read straight after the call rather than through SetLastError = true, whose marshalling
    // the runtime compiles at run time (two stubs, on every start that looks at a missing file). The
    // path is passed as NUL-terminated UTF-8, as the generated marshalling did.
    private static unsafe int CallStatx(string path, int flags, byte[] buffer, out int errno)
    {
        var utf8 = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, utf8);
        fixed (byte* pathBytes = utf8)
        fixed (byte* result = buffer)
        {
            var status = Statx(AtFdCwd, pathBytes, flags, StatxTypeModeIno, result);
            errno = status == 0 ? 0 : *ErrnoLocation();
            return status;
        }
    }

    // Only plain values cross: the runtime calls these without a stub compiled at run time.
    [LibraryImport("libc", EntryPoint = "statx")]
    private static unsafe partial int Statx(int directory, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "__errno_location")]
    private static unsafe partial int* ErrnoLocation();
}
