using System.Net;
using StartClaude.Abstractions;

namespace StartClaude.Tool.Commands;

/// <summary>
/// Setup and s3-status warn when the endpoint is plain http to a host other than this machine: the
/// requests (and, without encryption, the API keys in the document) then cross the network in clear.
/// </summary>
internal static class PlainHttpWarning
{
    /// <summary>The warning for <paramref name="endpointUrl"/>, or null when it is https or loopback.</summary>
    public static string? For(string? endpointUrl, bool encrypted)
    {
        if (S3Endpoint.TryParse(endpointUrl, out _) is not { UseSsl: false } endpoint || IsLoopback(endpoint.Host))
            return null;
        return encrypted
            ? $"the endpoint {endpoint} is plain http to another machine: the document is encrypted, but the requests and their metadata cross the network in clear; use https"
            : $"the endpoint {endpoint} is plain http to another machine: the document, API keys included, crosses the network unencrypted; use https, or turn on encryption (start-claude s3-setup --encrypt)";
    }

    private static bool IsLoopback(string host)
    {
        var bare = host.Trim('[', ']');
        if (string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase) || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }
}
