using StartClaude.Core.Documents;

namespace StartClaude.Tool.Console;

/// <summary>
/// The secrets a person typed on the command line (the values of --api-key, --auth-token,
/// --secret-access-key, secret --set fields and -e variables, and anything shaped like an API key), so that
/// a message quoting an argument — a parse error does — shows them masked.
/// </summary>
internal static class CommandLineSecrets
{
    private static readonly string[] SecretOptions = ["--api-key", "--auth-token", "--secret-access-key"];

    private static readonly string[] SecretWords = ["key", "token", "secret", "password", "passphrase", "credential"];

    public static string Mask(string message, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(args);
        foreach (var secret in Find(args).Where(s => s.Length >= 4).OrderByDescending(s => s.Length))
            message = message.Replace(secret, SecretMask.Mask(secret), StringComparison.Ordinal);
        return message;
    }

    private static IEnumerable<string> Find(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("sk-", StringComparison.Ordinal))
                yield return arg;
            foreach (var option in SecretOptions)
            {
                if (arg == option && i + 1 < args.Count)
                    yield return args[i + 1];
                else if (arg.StartsWith(option + "=", StringComparison.Ordinal) || arg.StartsWith(option + ":", StringComparison.Ordinal))
                    yield return arg[(option.Length + 1)..];
            }
            if (arg is "--set" or "-e" or "--env" && i + 1 < args.Count && AssignedSecret(args[i + 1]) is { } assigned)
                yield return assigned;
        }
    }

    // NAME=VALUE where the name says it holds a credential.
    private static string? AssignedSecret(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && SecretWords.Any(w => assignment[..equals].Contains(w, StringComparison.OrdinalIgnoreCase))
            ? assignment[(equals + 1)..]
            : null;
    }
}
