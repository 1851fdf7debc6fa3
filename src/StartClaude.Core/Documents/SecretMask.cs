namespace StartClaude.Core.Documents;

/// <summary>Shows enough of a secret to recognise it and never enough to use it: <c>sk-ant-…c3Fz</c>.</summary>
public static class SecretMask
{
    private const string KnownPrefix = "sk-ant-";

    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
            return "(not set)";
        if (secret.Length < 8)
            return "…";
        if (secret.Length < 16)
            return "…" + secret[^2..];
        var prefix = secret.StartsWith(KnownPrefix, StringComparison.Ordinal) && secret.Length >= KnownPrefix.Length + 12
            ? KnownPrefix
            : secret[..4];
        return prefix + "…" + secret[^4..];
    }
}
