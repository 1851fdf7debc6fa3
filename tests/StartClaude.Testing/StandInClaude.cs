using System.Text;

namespace StartClaude.Testing;

/// <summary>
/// A stand-in <c>claude</c> executable in a folder of its own: it records the environment and the
/// arguments it was started with, and exits with a chosen code. Put <see cref="Folder"/> on PATH.
/// </summary>
public sealed class StandInClaude : IDisposable
{
    public StandInClaude(int exitCode = 0)
    {
        Folder = Directory.CreateTempSubdirectory("start-claude-claude-").FullName;
        var script = Path.Combine(Folder, "claude");
        // NUL-separated, so values with spaces or newlines come back exactly.
        File.WriteAllText(script, $"""
            #!/bin/sh
            here=$(dirname "$0")
            env -0 > "$here/env.bin"
            : > "$here/args.bin"
            for a in "$@"; do printf '%s\0' "$a" >> "$here/args.bin"; done
            echo "stand-in claude ran with $# arguments"
            exit {exitCode}

            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Folder { get; }

    public bool Ran => File.Exists(Path.Combine(Folder, "env.bin"));

    public IReadOnlyDictionary<string, string> Variables =>
        Split("env.bin").Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    public IReadOnlyList<string> Arguments => Split("args.bin");

    /// <summary>Variables for a run of the tool that finds this claude first on PATH (the system's tools after it).</summary>
    public Dictionary<string, string> OnPath() =>
        new() { ["PATH"] = Folder + Path.PathSeparator + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin") };

    private List<string> Split(string file)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Folder, file)));
        return [.. text.Split('\0').SkipLast(1)];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
