using System.Runtime.Loader;
using System.Text;

namespace StartClaude.Tool.Diagnostics;

/// <summary>
/// With <c>START_CLAUDE_LOADED_ASSEMBLIES=FILE</c>, the names of the assemblies this run loaded are written
/// to FILE when it ends, one a line, with the number of methods compiled at run time on a <c>#</c> line.
/// It lets a test (and scripts/bench.sh) see that the everyday commands stay lean: no MinIO, and no
/// Spectre.Console where nothing is drawn.
/// </summary>
internal static class LoadedAssemblyReport
{
    public const string Variable = "START_CLAUDE_LOADED_ASSEMBLIES";

    public static void WriteIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
            return;
        var report = new StringBuilder();
        foreach (var name in AssemblyLoadContext.Default.Assemblies.Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
            report.Append(name).Append('\n');
        report.Append("# methods compiled at run time: ")
            .Append(System.Runtime.JitInfo.GetCompiledMethodCount().ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
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
