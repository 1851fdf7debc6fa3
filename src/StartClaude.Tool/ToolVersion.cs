using System.Reflection;

namespace StartClaude.Tool;

/// <summary>
/// The tool's version and the commit it was built from, readable without loading the command-line stack.
/// Both come from git at build time (Nerdbank.GitVersioning): the informational version is "0.2.41+0123456789".
/// </summary>
public static class ToolVersion
{
    private static string Informational =>
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The package version, for example 0.2.41.</summary>
    public static string Number => Informational.Split('+')[0];

    /// <summary>The short id of the commit the tool was built from; null when it was built outside a git clone.</summary>
    public static string? Commit =>
        Informational.Split('+') is [_, { Length: > 0 } metadata, ..] ? metadata[..Math.Min(7, metadata.Length)] : null;

    /// <summary>What --version prints: "0.2.41 (commit 0123456)".</summary>
    public static string Text => Commit is null ? Number : $"{Number} (commit {Commit})";
}
