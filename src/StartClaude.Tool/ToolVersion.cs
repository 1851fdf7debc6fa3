using System.Reflection;

namespace StartClaude.Tool;

/// <summary>The tool's version, readable without loading the command-line stack.</summary>
public static class ToolVersion
{
    public static string Text =>
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
