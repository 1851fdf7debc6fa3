using System.Net;

namespace StartClaude.Core.Remote;

/// <summary>
/// The proxy for one endpoint, chosen from the environment as the AWS CLI chooses it: HTTPS_PROXY for
/// an https endpoint, HTTP_PROXY for http (the lower-case name wins when both are set; a value
/// without a scheme means http://), unless NO_PROXY names the host: <c>*</c> for every host, or a
/// comma-separated list of host names (matching the host and its subdomains, a leading '.' or '*.'
/// ignored), optionally with :port, or IP addresses. Nothing else (no system settings) is consulted.
/// </summary>
/// <param name="Variable">The environment variable it came from, as spelt there (http_proxy, HTTPS_PROXY, ...).</param>
public sealed record ProxySettings(Uri Address, NetworkCredential? Credentials, string Variable = "HTTPS_PROXY")
{
    /// <summary>The proxy as a person may see it: user info masked.</summary>
    public string Display => Credentials is null
        ? $"{Address.Scheme}://{Address.Authority}"
        : $"{Address.Scheme}://{Documents.SecretMask.Mask(Credentials.UserName)}:***@{Address.Authority}";

    /// <summary>The proxy for <paramref name="endpoint"/>, or null to connect directly.</summary>
    /// <exception cref="Errors.UsageException">The variable's value is not a usable proxy URL.</exception>
    public static ProxySettings? For(Uri endpoint, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(variable);
        var name = endpoint.Scheme == Uri.UriSchemeHttps ? "https_proxy" : "http_proxy";
        var (usedName, value) = Read(variable, name);
        if (value is null || Bypassed(endpoint, Read(variable, "no_proxy").Value))
            return null;
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            throw new Errors.UsageException($"{usedName} is not a proxy URL such as http://proxy.example.com:3128");
        NetworkCredential? credentials = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        return new ProxySettings(new Uri($"{uri.Scheme}://{uri.Authority}"), credentials, usedName);
    }

    /// <summary>A proxy for a SocketsHttpHandler.</summary>
    public IWebProxy ToWebProxy() => new WebProxy(Address) { Credentials = Credentials, BypassProxyOnLocal = false };

    public static bool Bypassed(Uri endpoint, string? noProxy)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (string.IsNullOrWhiteSpace(noProxy))
            return false;
        var host = endpoint.IdnHost.Trim('[', ']');
        foreach (var raw in noProxy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw == "*")
                return true;
            var entry = raw.StartsWith("*.", StringComparison.Ordinal) ? raw[2..] : raw.TrimStart('.');
            int? port = null;
            var colon = entry.LastIndexOf(':');
            if (colon > 0 && !entry.Contains(']', StringComparison.Ordinal) && entry.Count(c => c == ':') == 1 && int.TryParse(entry[(colon + 1)..], out var p))
            {
                port = p;
                entry = entry[..colon];
            }
            entry = entry.Trim('[', ']');
            if (port is { } wanted && wanted != endpoint.Port)
                continue;
            if (host.Equals(entry, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + entry, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static (string Name, string? Value) Read(Func<string, string?> variable, string lowerName)
    {
        if (variable(lowerName) is { Length: > 0 } lower)
            return (lowerName, lower.Trim());
        var upperName = lowerName.ToUpperInvariant();
        return (upperName, variable(upperName) is { Length: > 0 } upper ? upper.Trim() : null);
    }
}
