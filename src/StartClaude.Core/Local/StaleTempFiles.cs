using System.Globalization;
using System.Text.RegularExpressions;

namespace StartClaude.Core.Local;

/// <summary>
/// Removes the temp files <see cref="AtomicFile"/> leaves when a run is killed between writing and
/// renaming (<c>.config.json.&lt;pid&gt;.&lt;guid&gt;.tmp</c>): they hold a whole config.json, S3 secret
/// and API keys included. Only files of that exact shape whose process is gone are removed.
/// </summary>
public static partial class StaleTempFiles
{
    /// <summary>Removes the stale temp files directly in <paramref name="folder"/>; returns how many.</summary>
    public static int Remove(string folder)
    {
        if (!Directory.Exists(folder))
            return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            var match = TempName().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            if (pid == Environment.ProcessId || IsRunning(pid))
                continue;
            try
            {
                File.Delete(path);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next run; the write this run is about to do is what matters.
            }
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
            return Directory.Exists($"/proc/{pid}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]{1,10})\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
