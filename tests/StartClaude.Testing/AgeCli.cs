using System.Diagnostics;

namespace StartClaude.Testing;

/// <summary>
/// The real <c>age</c> command (Debian's package, installed by .ci/run), driven through a
/// pseudo-terminal by tests/tools/age_pty.py because age reads passphrases only from a terminal.
/// </summary>
public static class AgeCli
{
    public static bool Available => ExecutableSearch.OnPath("age") is not null;

    /// <summary><c>age -p -o output input</c>: encrypts with a passphrase.</summary>
    public static Task EncryptAsync(string input, string output, string passphrase) => RunAsync(passphrase, "-p", "-o", output, input);

    /// <summary><c>age -d -o output input</c>: decrypts with a passphrase.</summary>
    public static Task DecryptAsync(string input, string output, string passphrase) => RunAsync(passphrase, "-d", "-o", output, input);

    private static async Task RunAsync(string passphrase, params string[] args)
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { Path.Combine(ExecutableSearch.RepositoryRoot(), "tests", "tools", "age_pty.py"), passphrase },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var terminal = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"age {string.Join(' ', args)} failed ({process.ExitCode}): {terminal.Replace(passphrase, "<passphrase>", StringComparison.Ordinal)}");
    }
}
