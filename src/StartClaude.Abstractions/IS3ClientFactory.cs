using Minio;

namespace StartClaude.Abstractions;

/// <summary>
/// Where a provider's settings point (<see cref="Address"/>), and a MinIO client for them. The host's
/// own requests need only the address; the client is built when a request the SDK makes is needed.
/// </summary>
public interface IS3ClientFactory
{
    /// <summary>The endpoint and signing region for <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">The settings hold no usable endpoint.</exception>
    S3Address Address(S3SyncSettings settings);

    /// <summary>
    /// Builds a client for <paramref name="settings"/> that sends every request through
    /// <paramref name="httpClient"/>, which the host owns (timeouts, request recording).
    /// </summary>
    IMinioClient Create(S3SyncSettings settings, HttpClient httpClient) =>
        MinioClients.Build(Address(settings), settings, httpClient);
}
