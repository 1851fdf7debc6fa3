using StartClaude.Abstractions;

namespace StartClaude.Core.Remote;

/// <summary>
/// The one value that names a remote document, for every record kept about it (the base in sync-state.json,
/// the last start check) and every "is this the same remote?": the service, where it is (the endpoint, else
/// the region), the bucket and the key. An endpoint may hold a password (https://user:pass@host) or a token
/// in its query: only its scheme, host, port and path take part, so no record holds them.
/// </summary>
public static class RemoteIdentity
{
    public static string Of(string? providerId, string? endpointUrl, string? region, string? bucket, string? key) =>
        $"{providerId}|{WithoutSecrets(endpointUrl) ?? region}|{bucket}|{key}";

    public static string Of(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Of(settings.ProviderId, settings.EndpointUrl, settings.Region, settings.Bucket, settings.Key);
    }

    /// <summary>The remote as stored settings name it before a provider resolves them (a start decides from this alone).</summary>
    public static string Of(string? providerId, SettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Of(providerId, input.EndpointUrl, input.Region, input.Bucket, input.Key);
    }

    public static bool Same(S3SyncSettings a, S3SyncSettings b) => Of(a) == Of(b);

    /// <summary>How sync-state.json named a remote before this identity: read once, so no base is lost to the change.</summary>
    internal static string Legacy(S3SyncSettings settings) =>
        $"{settings.ProviderId}|{settings.EndpointUrl ?? settings.Region}|{settings.Bucket}|{settings.Key}";

    // Unvalidated text, so no Uri parsing is assumed to work.
    private static string? WithoutSecrets(string? endpoint)
    {
        if (endpoint is null)
            return null;
        var cut = endpoint.IndexOfAny(['?', '#']);
        if (cut >= 0)
            endpoint = endpoint[..cut];
        var scheme = endpoint.IndexOf("://", StringComparison.Ordinal);
        var hostStart = scheme >= 0 ? scheme + 3 : endpoint.StartsWith("//", StringComparison.Ordinal) ? 2 : 0;
        var pathStart = endpoint.IndexOf('/', hostStart);
        var authority = endpoint.AsSpan(hostStart, (pathStart < 0 ? endpoint.Length : pathStart) - hostStart);
        var at = authority.LastIndexOf('@');
        return at < 0 ? endpoint : endpoint[..hostStart] + endpoint[(hostStart + at + 1)..];
    }
}
