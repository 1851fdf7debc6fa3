namespace StartClaude.Core.History;

/// <summary>One stored version of the remote document, as the bucket's version listing and its metadata tell it.</summary>
/// <param name="VersionId">The service's version id ("null" for the one object a bucket without versioning keeps).</param>
/// <param name="Device">The writing device, from the object metadata; null when a version carries none (an older tool, another program).</param>
/// <param name="Configs">The number of configs the version holds, from the same metadata.</param>
public sealed record RemoteVersion(string VersionId, DateTimeOffset? LastModified, long Size, string? ETag, bool IsLatest, string? Device, int? Configs)
{
    /// <summary>The service refused the request for this version's details: <see cref="Device"/> and <see cref="Configs"/> are unknown, not absent.</summary>
    public bool DetailsUnreadable { get; init; }
}
