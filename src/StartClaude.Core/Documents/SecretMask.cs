using StartClaude.Abstractions;

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

    /// <summary>
    /// A URL with its user info, the values of its query and its fragment masked
    /// (<c>https://user:***@host/v1?key=***</c>, a token as the user as <see cref="Mask"/> shows it);
    /// text not written as a URL as it is. Base URLs and proxies may carry a password or a token, and
    /// they are shown where secrets are not.
    /// </summary>
    public static string Url(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? "" : UrlSecrets.Masked(text, maskToken: Mask);
}
