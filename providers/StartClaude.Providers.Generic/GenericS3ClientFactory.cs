using StartClaude.Abstractions;

namespace StartClaude.Providers.Generic;

/// <summary>The endpoint exactly as given (http or https, any port), path-style, signed for the given region.</summary>
public sealed class GenericS3ClientFactory : IS3ClientFactory
{
    public S3Address Address(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = S3Endpoint.TryParse(settings.EndpointUrl, out var error)
            ?? throw new ArgumentException($"endpoint: {error}");
        return new S3Address(endpoint, settings.Region);
    }
}
