using Minio;
using StartClaude.Abstractions;

namespace StartClaude.Core.Remote;

/// <summary>
/// The provider's MinIO client for one store, built on first use: most commands never make a request
/// through the SDK, and building it (and loading MinIO) costs a start-up several milliseconds.
/// </summary>
/// <param name="factory">The provider's factory.</param>
/// <param name="settings">The store's settings.</param>
/// <param name="handler">The store's signing, recording handler chain, which the SDK's requests go through too.</param>
public sealed class SdkClient(IS3ClientFactory factory, S3SyncSettings settings, HttpMessageHandler handler)
{
    private IMinioClient? _client;

    /// <summary>
    /// The client, on an HTTP client of its own over the store's handlers: building it sets that client's
    /// timeout and default headers, which an HTTP client refuses once it has sent a request.
    /// </summary>
    public IMinioClient Client => _client ??= factory.Create(settings, new HttpClient(handler, disposeHandler: false));
}
