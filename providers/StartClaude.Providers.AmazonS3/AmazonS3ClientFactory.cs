using StartClaude.Abstractions;

namespace StartClaude.Providers.AmazonS3;

/// <summary>AWS: the regional endpoint over TLS unless an endpoint is given, signed for the bucket's region.</summary>
public sealed class AmazonS3ClientFactory : IS3ClientFactory
{
    public S3Address Address(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = settings.EndpointUrl is { } url
            ? S3Endpoint.TryParse(url, out var error) ?? throw new ArgumentException(error)
            : new S3Endpoint($"s3.{settings.Region}.amazonaws.com", 443, UseSsl: true);
        return new S3Address(endpoint, settings.Region);
    }
}
