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
    /// A URL with its user info masked (<c>https://user:***@host/</c>); anything else as it is. Base URLs
    /// and proxies may carry a password, and they are shown where secrets are not.
    /// </summary>
    public static string Url(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.UserInfo))
            return text ?? "";
        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var masked = colon < 0 ? Mask(uri.UserInfo) : $"{uri.UserInfo[..colon]}:***";
        var at = text.IndexOf(uri.UserInfo, StringComparison.Ordinal);
        return at < 0 ? $"{uri.Scheme}://{masked}@{uri.Authority}{uri.PathAndQuery}" : string.Concat(text.AsSpan(0, at), masked, text.AsSpan(at + uri.UserInfo.Length));
    }
}
