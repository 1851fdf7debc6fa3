using StartClaude.Abstractions;

namespace StartClaude.Providers.CloudflareR2;

/// <summary>R2: always the account endpoint given in the settings, signed for region "auto" unless told otherwise.</summary>
public sealed class CloudflareR2ClientFactory : IS3ClientFactory
{
    public S3Address Address(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = S3Endpoint.TryParse(settings.EndpointUrl, out var error)
            ?? throw new ArgumentException($"Cloudflare R2 endpoint: {error}");
        var region = string.IsNullOrEmpty(settings.Region) ? CloudflareR2Provider.DefaultRegion : settings.Region;
        return new S3Address(endpoint, region);
    }
}
