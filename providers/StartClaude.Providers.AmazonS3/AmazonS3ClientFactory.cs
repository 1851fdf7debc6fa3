using Minio;
using StartClaude.Abstractions;

namespace StartClaude.Providers.AmazonS3;

/// <summary>AWS: the regional endpoint over TLS unless an endpoint is given, signed for the bucket's region.</summary>
public sealed class AmazonS3ClientFactory : IS3ClientFactory
{
    public IMinioClient Create(S3SyncSettings settings, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = settings.EndpointUrl is { } url
            ? S3Endpoint.TryParse(url, out var error) ?? throw new ArgumentException(error)
            : new S3Endpoint($"s3.{settings.Region}.amazonaws.com", 443, UseSsl: true);
        return MinioClients.Build(endpoint, settings.Region, settings, httpClient);
    }
}
