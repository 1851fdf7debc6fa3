using System.Globalization;
using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;

namespace StartClaude.Tool.Diagnostics;

/// <summary>
/// With <c>START_CLAUDE_LOADED_ASSEMBLIES=FILE</c>, the names of the assemblies this run loaded are written
/// to FILE when it ends, one a line, with the number of methods compiled at run time on a <c>#</c> line.
/// It lets a test (and scripts/bench.sh) see that the everyday commands stay lean: no MinIO, and no
/// Spectre.Console where nothing is drawn. The report itself loads nothing a run might not (no LINQ, no
/// assembly loader), so that what it lists is the run's own.
/// A diagnostic must never destroy what it diagnoses: FILE is written as a new file beside it and renamed
/// into place, and only where nothing is lost: not in the start-claude home, not over a link, a FIFO or
/// anything else that is not a regular file (nothing is opened there, so a FIFO cannot block the run),
/// and not over a regular file unless that file is an earlier report.
/// </summary>
internal static class LoadedAssemblyReport
{
    public const string Variable = "START_CLAUDE_LOADED_ASSEMBLIES";

    private const string CountLine = "# methods compiled at run time: ";

    // An earlier report lists a few hundred names; anything much larger is some other file.
    private const long MaxReportBytes = 1024 * 1024;

    /// <summary>Apart from <see cref="Write()"/>: the runtime loads what a method names before running it.</summary>
    public static bool IsAsked => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    public static void Write()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path)
            Write(path, AppEnvironment.FromProcess().StartClaudeHome, System.Console.Error);
    }

    /// <summary>Writes the report to <paramref name="path"/>, or says on <paramref name="warnings"/> why it did not.</summary>
    /// <param name="home">The start-claude home: nothing in it is ever written by the report.</param>
    public static void Write(string path, string home, TextWriter warnings)
    {
        // A diagnostic: a path that cannot be written must not change the run's exit code.
        try
        {
            var target = Path.GetFullPath(path);
            if (Refusal(target, Path.GetFullPath(home)) is { } reason)
            {
                Warn(warnings, path, reason);
                return;
            }
            ReplaceWith(target, Encoding.UTF8.GetBytes(Report()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Warn(warnings, path, LocalFile.Reason(ex));
        }
    }

    private static string Report()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        var names = new string[assemblies.Length];
        for (var i = 0; i < names.Length; i++)
            names[i] = assemblies[i].GetName().Name ?? "";
        Array.Sort(names, StringComparer.Ordinal);
        var report = new StringBuilder();
        foreach (var name in names)
            report.Append(name).Append('\n');
        report.Append(CountLine)
            .Append(System.Runtime.JitInfo.GetCompiledMethodCount().ToString(CultureInfo.InvariantCulture)).Append('\n');
        return report.ToString();
    }

    // Why the report may not go to target, or null when it may.
    private static string? Refusal(string target, string home)
    {
        if (IsWithin(target, home))
            return $"it is in the start-claude home ({home}), whose files a diagnostic never writes";
        var kind = FileStatus.Of(target, followLinks: false).Kind;
        return kind switch
        {
            FileKind.Missing => null,
            FileKind.Regular when IsEarlierReport(target) => null,
            FileKind.Regular => "a file is there that is not an earlier report, and the report replaces nothing else",
            _ => $"it is {FileStatus.Describe(kind)}, not a regular file",
        };
    }

    // By identity (device and inode) where the system gives one, so a link to the home is caught too.
    private static bool IsWithin(string target, string home)
    {
        if (target.StartsWith(Path.TrimEndingDirectorySeparator(home) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return true;
        var homeStatus = FileStatus.Of(home);
        if (homeStatus.Kind != FileKind.Directory || homeStatus.Inode == 0)
            return false;
        for (var folder = Path.GetDirectoryName(target); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var status = FileStatus.Of(folder);
            if (status.Inode == homeStatus.Inode && status.DeviceMajor == homeStatus.DeviceMajor && status.DeviceMinor == homeStatus.DeviceMinor)
                return true;
        }
        return false;
    }

    private static bool IsEarlierReport(string path)
    {
        if (new FileInfo(path).Length > MaxReportBytes)
            return false;
        var text = File.ReadAllText(path);
        var last = text.TrimEnd('\n').LastIndexOf('\n');
        return text.AsSpan(last + 1).StartsWith(CountLine, StringComparison.Ordinal);
    }

    // A new file beside the target, renamed over it: a reader sees the old report or the new one.
    private static void ReplaceWith(string target, byte[] content)
    {
        var folder = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None }))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static void Warn(TextWriter warnings, string path, string reason) =>
        warnings.WriteLine($"warning: the {Variable} report was not written to {TerminalText.Escape(path)}: {TerminalText.Escape(reason)}");
}
