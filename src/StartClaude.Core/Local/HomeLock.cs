using System.Globalization;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Local;

/// <summary>
/// Serializes runs of the tool that change files in one home. The lock is an OS file lock on
/// <c>.lock</c> (on Unix an advisory flock), so a process that dies releases it: a stale lock
/// file left behind is simply taken over. The holder's pid goes in <c>.lock.pid</c> for the message.
/// </summary>
public sealed class HomeLock(AppEnvironment environment)
{
    public const string WaitVariable = "START_CLAUDE_LOCK_WAIT_SECONDS";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    public IDisposable Acquire()
    {
        var folder = environment.StartClaudeHome;
        AtomicFile.EnsurePrivateFolder(folder);
        var path = Path.Combine(folder, ".lock");
        var wait = environment.Get(WaitVariable) is { } text && double.TryParse(text, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultWait;
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                var handle = new FileStream(path, options);
                File.WriteAllText(path + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return new Held(handle);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                var holder = File.Exists(path + ".pid") ? File.ReadAllText(path + ".pid").Trim() : "unknown";
                throw new LocalConfigException(
                    $"another start-claude (pid {holder}) is changing {folder}; waited {wait.TotalSeconds:0} s — try again when it has finished");
            }
        }
    }

    private sealed class Held(FileStream handle) : IDisposable
    {
        public void Dispose() => handle.Dispose();
    }
}
