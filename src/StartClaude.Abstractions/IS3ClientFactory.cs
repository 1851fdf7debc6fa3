using Minio;

namespace StartClaude.Abstractions;

/// <summary>Turns a provider's settings into a configured MinIO client.</summary>
public interface IS3ClientFactory
{
    /// <summary>
    /// Builds a client for <paramref name="settings"/> that sends every request through
    /// <paramref name="httpClient"/>, which the host owns (timeouts, request recording).
    /// </summary>
    IMinioClient Create(S3SyncSettings settings, HttpClient httpClient);
}
