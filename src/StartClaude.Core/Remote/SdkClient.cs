using Minio;
using StartClaude.Abstractions;

namespace StartClaude.Core.Remote;

/// <summary>
/// The provider's MinIO client for one store, built on first use: most commands never make a request
/// through the SDK, and building it (and loading MinIO) costs a start-up several milliseconds.
/// </summary>
public sealed class SdkClient(IS3ClientFactory factory, S3SyncSettings settings, HttpClient http)
{
    private IMinioClient? _client;

    /// <summary>The client; it sends through the store's own (signing, recording) HTTP client.</summary>
    public IMinioClient Client => _client ??= factory.Create(settings, http);
}
