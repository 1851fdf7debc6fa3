using System.Globalization;
using System.Text;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Local;

/// <summary>
/// Serializes runs of the tool that change files in one home. The lock is an OS file lock on
/// <c>.lock</c> (on Unix an advisory flock), so a process that dies releases it: a stale lock
/// file left behind is simply taken over. The holder's pid goes in <c>.lock.pid</c> for the message.
/// Taking the lock is the moment a run starts writing here, so it also makes the home private, removes
/// temp files a killed run left, and proves the local side can be written before anything remote is.
/// </summary>
public sealed class HomeLock(AppEnvironment environment, LocalConfigStore? store = null)
{
    public const string WaitVariable = "START_CLAUDE_LOCK_WAIT_SECONDS";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait <see cref="WaitVariable"/> may ask for: an hour.</summary>
    public const double MaxWaitSeconds = 3600;

    /// <summary>Where a one-line notice goes (the home was made private); the Tool makes it a warning.</summary>
    public Action<string>? Notice { get; init; }

    /// <exception cref="LocalConfigException">Another run holds the lock, or the home cannot be written.</exception>
    /// <exception cref="UsageException"><see cref="WaitVariable"/> is not a number of seconds in range.</exception>
    public IDisposable Acquire() => Acquire(atMost: null);

    /// <param name="atMost">A shorter wait than <see cref="WaitVariable"/> gives, for a caller with a time budget of its own.</param>
    /// <exception cref="LocalConfigException">Another run holds the lock, or the home cannot be written.</exception>
    /// <exception cref="UsageException"><see cref="WaitVariable"/> is not a number of seconds in range.</exception>
    public IDisposable Acquire(TimeSpan? atMost)
    {
        var folder = environment.StartClaudeHome;
        var wait = environment.Seconds(WaitVariable, DefaultWait, 0, MaxWaitSeconds);
        if (atMost is { } most && most < wait)
            wait = most > TimeSpan.Zero ? most : TimeSpan.Zero;
        var path = Path.Combine(folder, ".lock");
        FileStream handle;
        try
        {
            // Before creating it: a file there would otherwise read as "cannot write … already exists".
            if (FileStatus.Of(folder).Kind is not (FileKind.Directory or FileKind.Missing) and var folderKind)
                throw LocalConfigStore.NotAFolder(folder, folderKind);
            AtomicFile.EnsurePrivateFolder(folder);
            if (FileStatus.Of(folder).Kind is not FileKind.Directory and var createdKind)
                throw LocalConfigStore.NotAFolder(folder, createdKind);
            if (FileStatus.Of(path).Kind is not (FileKind.Missing or FileKind.Regular) and var kind)
                throw LocalFile.NotRegular(path, kind);
            handle = Take(path, folder, wait);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(folder, ex);
        }

        try
        {
            PrepareForWriting(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LocalConfigException)
        {
            handle.Dispose();
            throw ex as LocalConfigException ?? CannotWrite(folder, ex);
        }
        return new Held(handle);
    }

    private static FileStream Take(string path, string folder, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                return new FileStream(path, options);
            }
            catch (IOException ex) when (IsHeldElsewhere(ex) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException ex) when (IsHeldElsewhere(ex))
            {
                throw new LocalConfigException(
                    $"{Holder(path)} is changing {folder}; waited {wait.TotalSeconds:0.#} s — try again when it has finished");
            }
        }
    }

    // The lock is taken elsewhere: EWOULDBLOCK from flock (Linux 11, macOS 35), or a Windows sharing or
    // lock violation. Any other failure (read-only, no space) is not worth waiting for.
    private static bool IsHeldElsewhere(IOException ex) =>
        ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    // The process that really holds the flock (from /proc/locks), else the pid the holder recorded.
    private static string Holder(string path)
    {
        var recorded = RecordedPid(path + ".pid");
        var holder = LockHolder.Find(path) ?? recorded;
        if (holder is null)
            return "another start-claude";
        if (holder == recorded)
            return $"another start-claude (pid {holder})";
        return LockHolder.ProgramName(holder.Value) is { Length: > 0 } name
            ? $"another process (pid {holder}, {name}) holding {path}"
            : $"another process (pid {holder}) holding {path}";
    }

    private static int? RecordedPid(string pidPath) =>
        LocalFile.IsRegularWithin(pidPath, 64)
        && int.TryParse(File.ReadAllText(pidPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    private void PrepareForWriting(string folder)
    {
        // Writing the pid file atomically also proves the folder takes new files.
        AtomicFile.Write(Path.Combine(folder, ".lock.pid"), Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        StaleTempFiles.Remove(folder);
        var backups = Path.Combine(folder, BackupStore.FolderName);
        StaleTempFiles.Remove(backups);
        var tightened = PrivateFolder.Tighten(folder);
        if (tightened > 0)
            Notice?.Invoke($"made {folder} private: the folder is now 0700 and its files 0600 ({tightened} {(tightened == 1 ? "entry was" : "entries were")} readable by others)");
        if (Directory.Exists(backups))
            AtomicFile.CheckWritable(backups);
        store?.CheckWritable();
    }

    private static LocalConfigException CannotWrite(string folder, Exception ex) =>
        new($"cannot write in {folder} ({LocalFile.Reason(ex)}); nothing was changed here or remotely", ex);

    private sealed class Held(FileStream handle) : IDisposable
    {
        public void Dispose() => handle.Dispose();
    }
}
