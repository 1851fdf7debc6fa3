namespace StartClaude.Core.Remote;

/// <summary>
/// Signs every request on its way to the wire, whoever built it: this tool's own requests and any the
/// MinIO SDK sends (whose own signature is replaced). The SDK (7.0.0) signs a query such as
/// <c>prefix=team/cfg.json</c> differently from how S3 canonicalizes it, so a listing by a key with '/'
/// failed with SignatureDoesNotMatch; a signature computed from the canonical form of what is sent
/// cannot disagree with the server that way.
/// </summary>
public sealed class S3RequestSigning(HttpMessageHandler inner, TimeProvider clock) : DelegatingHandler(inner)
{
    /// <summary>Set once the provider has decided the region (after its client is built).</summary>
    public S3Credentials? Credentials { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Unsigned requests (the anonymous public-read check) stay unsigned.
        if (Credentials is { } credentials && !request.Options.TryGetValue(Anonymous, out _))
            await S3Signer.SignAsync(request, credentials, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a request that must go without a signature.</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("start-claude-anonymous");
}
