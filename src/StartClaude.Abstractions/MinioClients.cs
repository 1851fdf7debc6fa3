using Minio;

namespace StartClaude.Abstractions;

/// <summary>The part of building a MinIO client every provider shares; each provider decides endpoint and region.</summary>
public static class MinioClients
{
    /// <summary>
    /// A client for <paramref name="endpoint"/>, signing for <paramref name="region"/> (MinIO never discovers
    /// it here, so it must be right), sending through <paramref name="httpClient"/>.
    /// </summary>
    public static IMinioClient Build(S3Endpoint endpoint, string region, S3SyncSettings settings, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = new MinioClient()
            .WithEndpoint(endpoint.Host, endpoint.Port)
            .WithSSL(endpoint.UseSsl)
            .WithRegion(region)
            .WithCredentials(settings.AccessKeyId, settings.SecretAccessKey)
            .WithHttpClient(httpClient);
        if (settings.SessionToken is { Length: > 0 } token)
            client = client.WithSessionToken(token);
        return client.Build();
    }
}
