using StartClaude.Abstractions;

namespace StartClaude.Providers.BackblazeB2;

/// <summary>B2: the regional S3 endpoint (derived from the region when not given), signed for that region.</summary>
public sealed class BackblazeB2ClientFactory : IS3ClientFactory
{
    public S3Address Address(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = settings.EndpointUrl ?? BackblazeB2Provider.EndpointFor(settings.Region);
        var endpoint = S3Endpoint.TryParse(url, out var error)
            ?? throw new ArgumentException($"Backblaze B2 endpoint: {error}");
        return new S3Address(endpoint, settings.Region);
    }
}
