using System.Diagnostics;

namespace StartClaude.Testing;

/// <summary>
/// The real <c>age</c> command (Debian's package, installed by .ci/run): with a passphrase driven through
/// a pseudo-terminal by tests/tools/age_pty.py because age reads passphrases only from a terminal; with
/// keys run directly, beside <c>age-keygen</c> and <c>ssh-keygen</c>.
/// </summary>
public static class AgeCli
{
    public static bool Available => ExecutableSearch.OnPath("age") is not null;

    /// <summary><c>age -p -o output input</c>: encrypts with a passphrase.</summary>
    public static Task EncryptAsync(string input, string output, string passphrase) => RunAsync(passphrase, "-p", "-o", output, input);

    /// <summary><c>age -d -o output input</c>: decrypts with a passphrase.</summary>
    public static Task DecryptAsync(string input, string output, string passphrase) => RunAsync(passphrase, "-d", "-o", output, input);

    /// <summary><c>age-keygen -o identity</c>: a new X25519 identity file.</summary>
    public static Task KeygenAsync(string identity) => ExternalCommand.RunAsync("age-keygen", "-o", identity);

    /// <summary><c>age-keygen -y identity</c>: the identity's recipient.</summary>
    public static async Task<string> RecipientOfAsync(string identity) =>
        (await ExternalCommand.RunAsync("age-keygen", "-y", identity).ConfigureAwait(false)).Trim();

    /// <summary><c>age -r R1 -r R2 ... -o output input</c>: encrypts to recipients.</summary>
    public static Task EncryptToAsync(string input, string output, params string[] recipients) =>
        ExternalCommand.RunAsync("age", [.. recipients.SelectMany(r => new[] { "-r", r }), "-o", output, input]);

    /// <summary><c>age -d -i identity -o output input</c>: decrypts with an identity file (age's own or an SSH key).</summary>
    public static Task DecryptWithAsync(string input, string output, string identity) =>
        ExternalCommand.RunAsync("age", "-d", "-i", identity, "-o", output, input);

    /// <summary><c>ssh-keygen -t ed25519 -N "" -f path</c>: an unencrypted SSH key pair; returns the public key line.</summary>
    public static async Task<string> SshKeygenAsync(string path)
    {
        await ExternalCommand.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "interop@start-claude.invalid", "-f", path).ConfigureAwait(false);
        return (await File.ReadAllTextAsync(path + ".pub").ConfigureAwait(false)).Trim();
    }

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
