namespace StartClaude.Abstractions;

/// <summary>
/// An endpoint as the MinIO client needs it: host, port and whether to use TLS. MinIO cannot take a
/// URL (it keeps only host and port and takes the scheme from a separate switch), so the URL is
/// parsed here, once, for every provider.
/// </summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="UseSsl">True for https.</param>
public readonly record struct S3Endpoint(string Host, int Port, bool UseSsl)
{
    /// <summary>The endpoint as a URL, for messages.</summary>
    public override string ToString()
    {
        var scheme = UseSsl ? "https" : "http";
        var defaultPort = UseSsl ? 443 : 80;
        // An IPv6 address is written in brackets in a URL ("http://[::1]:9000"), or it is no URL.
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return Port == defaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{Port}";
    }

    /// <summary>
    /// Parses an absolute http(s) URL with no path, query or user info.
    /// Returns null and sets <paramref name="error"/> when it is not one.
    /// </summary>
    public static S3Endpoint? TryParse(string? url, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "the endpoint URL is empty";
            return null;
        }

        var text = url.Trim();
        var shown = Shown(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{shown}' is not an absolute http:// or https:// URL";
            return null;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{shown}' has no host";
            return null;
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = $"'{shown}' has a path or query; give only scheme, host and port (the bucket is a separate setting)";
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            error = "the endpoint URL must not contain user info; give credentials as access key id and secret";
            return null;
        }

        // Port 0 parses as a URL but no service listens there (and HTTP clients refuse it outright).
        if (uri.Port is < 1 or > 65535)
        {
            error = $"'{shown}' has port {uri.Port}; give a port from 1 to 65535";
            return null;
        }

        return new S3Endpoint(uri.IdnHost, uri.Port, uri.Scheme == Uri.UriSchemeHttps);
    }

    // The text as given, for a message: it may carry a password ("https://user:pass@host") or a token
    // in its query even when it is no URL at all.
    private static string Shown(string text) => UrlSecrets.Masked(text, assumeUrl: true);
}
