using Minio;

namespace StartClaude.Abstractions;

/// <summary>The part of building a MinIO client every provider shares; each provider decides endpoint and region.</summary>
public static class MinioClients
{
    /// <summary>
    /// A client for <paramref name="address"/>'s endpoint, signing for its region (MinIO never discovers
    /// it here, so it must be right), sending through <paramref name="httpClient"/>.
    /// </summary>
    public static IMinioClient Build(S3Address address, S3SyncSettings settings, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = new MinioClient()
            // MinIO joins host and port into a URL: an IPv6 address needs its brackets there.
            .WithEndpoint(address.Endpoint.Host.Contains(':', StringComparison.Ordinal) ? $"[{address.Endpoint.Host}]" : address.Endpoint.Host, address.Endpoint.Port)
            .WithSSL(address.Endpoint.UseSsl)
            .WithRegion(address.Region)
            .WithCredentials(settings.AccessKeyId, settings.SecretAccessKey)
            .WithHttpClient(httpClient);
        if (settings.SessionToken is { Length: > 0 } token)
            client = client.WithSessionToken(token);
        return client.Build();
    }
}
