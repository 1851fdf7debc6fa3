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
    /// A URL with its user info and the values of its query masked (<c>https://user:***@host/v1?key=***</c>);
    /// anything else as it is. Base URLs and proxies may carry a password or a token, and they are shown
    /// where secrets are not.
    /// </summary>
    public static string Url(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        return QueryMasked(UserInfoMasked(text));
    }

    // Only in an http(s) URL: other text with a '?' in it is no query.
    private static string QueryMasked(string text)
    {
        if (!text.Contains('?', StringComparison.Ordinal) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.Query.Length <= 1)
            return text;
        var start = text.IndexOf('?', StringComparison.Ordinal) + 1;
        var end = text.IndexOf('#', start) is var hash and >= 0 ? hash : text.Length;
        var parameters = text[start..end].Split('&');
        for (var i = 0; i < parameters.Length; i++)
        {
            var equals = parameters[i].IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 && parameters[i].Length > 0)
                parameters[i] = "***";
            else if (equals >= 0 && equals < parameters[i].Length - 1)
                parameters[i] = parameters[i][..(equals + 1)] + "***";
        }
        return string.Concat(text.AsSpan(0, start), string.Join('&', parameters), text.AsSpan(end));
    }

    private static string UserInfoMasked(string text)
    {
        if (!text.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.UserInfo))
            return text;
        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var masked = colon < 0 ? Mask(uri.UserInfo) : $"{uri.UserInfo[..colon]}:***";
        var at = text.IndexOf(uri.UserInfo, StringComparison.Ordinal);
        return at < 0 ? $"{uri.Scheme}://{masked}@{uri.Authority}{uri.PathAndQuery}" : string.Concat(text.AsSpan(0, at), masked, text.AsSpan(at + uri.UserInfo.Length));
    }
}
