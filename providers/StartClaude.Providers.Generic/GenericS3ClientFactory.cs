using Minio;
using StartClaude.Abstractions;

namespace StartClaude.Providers.Generic;

/// <summary>The endpoint exactly as given (http or https, any port), path-style, signed for the given region.</summary>
public sealed class GenericS3ClientFactory : IS3ClientFactory
{
    public IMinioClient Create(S3SyncSettings settings, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = S3Endpoint.TryParse(settings.EndpointUrl, out var error)
            ?? throw new ArgumentException($"endpoint: {error}");
        return MinioClients.Build(endpoint, settings.Region, settings, httpClient);
    }
}
