using StartClaude.Core.Local;

namespace StartClaude.Core.Diagnostics;

/// <summary>
/// The proxy the environment names for a URL, read as the AWS CLI reads it: HTTPS_PROXY or HTTP_PROXY
/// by the URL's scheme (either case), skipped for hosts NO_PROXY lists.
/// </summary>
public sealed record ProxySetting(string? Variable, string? Value, bool Bypassed)
{
    public static ProxySetting For(Uri url, AppEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(environment);
        var names = url.Scheme == Uri.UriSchemeHttps
            ? new[] { "HTTPS_PROXY", "https_proxy" }
            : ["HTTP_PROXY", "http_proxy"];
        var variable = names.FirstOrDefault(n => environment.Get(n) is not null);
        if (variable is null)
            return new ProxySetting(null, null, false);
        var noProxy = environment.Get("NO_PROXY") ?? environment.Get("no_proxy") ?? "";
        var bypassed = noProxy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(entry =>
            entry == "*"
            || string.Equals(entry.TrimStart('.'), url.Host, StringComparison.OrdinalIgnoreCase)
            || url.Host.EndsWith("." + entry.TrimStart('.'), StringComparison.OrdinalIgnoreCase));
        return new ProxySetting(variable, environment.Get(variable), bypassed);
    }

    /// <summary>The proxy URL for messages, any user name and password in it replaced by <c>***</c>.</summary>
    public string? Shown =>
        Value is null ? null
        : Uri.TryCreate(Value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "***", Password = "" }.Uri.ToString()
            : Uri.TryCreate(Value, UriKind.Absolute, out _) ? Value : "(not a URL)";

    /// <summary>Whether the value is a URL a proxy can be reached at.</summary>
    public bool IsValid => Value is null || (Uri.TryCreate(Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0);
}
