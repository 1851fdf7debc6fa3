namespace StartClaude.Abstractions;

/// <summary>Where a provider sends requests and the region it signs them for.</summary>
/// <param name="Endpoint">Host, port and TLS.</param>
/// <param name="Region">The region requests are signed for.</param>
public readonly record struct S3Address(S3Endpoint Endpoint, string Region)
{
    /// <summary>The endpoint as a base URI (scheme, host and port; an IPv6 host in brackets).</summary>
    public Uri BaseUri => new UriBuilder(Endpoint.UseSsl ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, Endpoint.Host, Endpoint.Port).Uri;
}
