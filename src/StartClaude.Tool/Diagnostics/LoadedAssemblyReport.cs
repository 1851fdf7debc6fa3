using System.Globalization;
using System.Text;

namespace StartClaude.Tool.Diagnostics;

/// <summary>
/// With <c>START_CLAUDE_LOADED_ASSEMBLIES=FILE</c>, the names of the assemblies this run loaded are written
/// to FILE when it ends, one a line, with the number of methods compiled at run time on a <c>#</c> line.
/// It lets a test (and scripts/bench.sh) see that the everyday commands stay lean: no MinIO, and no
/// Spectre.Console where nothing is drawn. The report itself loads nothing a run might not (no LINQ, no
/// assembly loader), so that what it lists is the run's own.
/// </summary>
internal static class LoadedAssemblyReport
{
    public const string Variable = "START_CLAUDE_LOADED_ASSEMBLIES";

    /// <summary>Apart from <see cref="Write"/>: the runtime loads what a method names before running it.</summary>
    public static bool IsAsked => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    public static void Write()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
            return;
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        var names = new string[assemblies.Length];
        for (var i = 0; i < names.Length; i++)
            names[i] = assemblies[i].GetName().Name ?? "";
        Array.Sort(names, StringComparer.Ordinal);
        var report = new StringBuilder();
        foreach (var name in names)
            report.Append(name).Append('\n');
        report.Append("# methods compiled at run time: ")
            .Append(System.Runtime.JitInfo.GetCompiledMethodCount().ToString(CultureInfo.InvariantCulture)).Append('\n');
        // A diagnostic: a path that cannot be written must not change the run's exit code.
        try
        {
            File.WriteAllText(path, report.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            System.Console.Error.WriteLine($"warning: cannot write {Variable} report to {path}: {ex.Message}");
        }
    }
}
