using System.Globalization;

namespace StartClaude.Core.Local;

/// <summary>
/// Who holds the flock on a file: on Linux, read from <c>/proc/locks</c> by the file's inode, so the
/// message names the process that really holds it, not the last pid recorded beside it.
/// </summary>
public static class LockHolder
{
    /// <summary>The pid holding a lock on <paramref name="path"/>, or null when it cannot be told.</summary>
    public static int? Find(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            var status = FileStatus.Of(path);
            if (status.Kind != FileKind.Regular)
                return null;
            foreach (var line in File.ReadLines("/proc/locks"))
            {
                // "1: FLOCK  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF"; waiters carry "->" and are skipped.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 6 || fields[1] == "->")
                    continue;
                // The inode alone: on overlay file systems the device /proc/locks names differs from stat's.
                var device = fields[5].Split(':');
                if (device.Length != 3 || !ulong.TryParse(device[2], NumberStyles.None, CultureInfo.InvariantCulture, out var inode) || inode != status.Inode)
                    continue;
                if (int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0)
                    return pid;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>The program name of <paramref name="pid"/> (Linux <c>comm</c>), or null.</summary>
    public static string? ProgramName(int pid)
    {
        try
        {
            if (!OperatingSystem.IsLinux())
                return null;
            var name = File.ReadAllText($"/proc/{pid}/comm").Trim();
            return new string([.. name.Where(c => c is >= '!' and <= '~')]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
