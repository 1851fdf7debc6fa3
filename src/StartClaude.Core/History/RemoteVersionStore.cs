using StartClaude.Core.Remote;

namespace StartClaude.Core.History;

/// <summary>
/// The remote document's history: the bucket's object versions of its key, each labelled with the
/// writer the PUT carried (<see cref="WriterLabel"/>), and the content of any one of them. Every request
/// (the bucket's versioning, the listing, a version's HEAD and GET) goes through the store's own wire, which
/// signs any valid key, and runs through the store, so failures are classified and retried as every other
/// request. A request that failed is a failure: never "versioning is off", never "no document".
/// </summary>
public sealed class RemoteVersionStore(RemoteDocumentStore store)
{
    /// <summary>Most versions ever listed, whatever the limit asked: the listing is bounded work.</summary>
    public const int MaxVersions = 1000;

    /// <summary>Most listing pages read: a service whose markers never end cannot keep the tool reading.</summary>
    public const int MaxPages = 20;

    /// <summary>Most bytes read of a GetBucketVersioning answer.</summary>
    private const int MaxVersioningBytes = 64 * 1024;

    /// <summary>The id of the one version a bucket without versioning keeps.</summary>
    public const string NullVersion = "null";

    /// <summary>Provider ids of services that keep no object versions.</summary>
    private static readonly HashSet<string> WithoutVersioning = new(StringComparer.Ordinal) { "cloudflare-r2" };

    private string Bucket => store.Settings.Bucket;

    private string Key => store.Settings.Key;

    /// <exception cref="RemoteStoreException">The state could not be read.</exception>
    public async Task<VersioningState> ReadVersioningAsync(CancellationToken cancellationToken = default)
    {
        if (WithoutVersioning.Contains(store.Settings.ProviderId))
            return VersioningState.Unsupported;
        try
        {
            return await store.RunAsync("read the bucket's versioning", async token =>
            {
                var answer = await store.Wire.GetBucketVersioningAsync(MaxVersioningBytes, token).ConfigureAwait(false);
                if (answer.Status is < 200 or >= 300)
                    throw new S3AnswerException(answer.Exchange);
                return VersioningAnswer.Parse(answer.Body ?? []) ?? throw Unreadable("read the bucket's versioning", "its answer is not a versioning configuration");
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.NotImplemented)
        {
            return VersioningState.Unsupported;
        }
    }

    /// <summary>Deletes one version of the document for good (s3:DeleteObjectVersion); the current one is never asked for here.</summary>
    public Task DeleteAsync(string versionId, CancellationToken cancellationToken = default) =>
        store.RunAsync("delete an older version", async token =>
        {
            var answer = await store.Wire.DeleteVersionAsync(Key, versionId, token).ConfigureAwait(false);
            return answer.Status is >= 200 and < 300 ? true : throw new S3AnswerException(answer.Exchange);
        }, cancellationToken);

    /// <summary>Turns versioning on for the bucket (needs s3:PutBucketVersioning).</summary>
    public Task EnableVersioningAsync(CancellationToken cancellationToken = default) =>
        store.RunAsync("turn on the bucket's versioning", async token =>
        {
            var answer = await store.Wire.EnableBucketVersioningAsync(token).ConfigureAwait(false);
            return answer.Status is >= 200 and < 300 ? true : throw new S3AnswerException(answer.Exchange);
        }, cancellationToken);

    /// <summary>
    /// The document's versions, newest first, at most <paramref name="limit"/> (and never more than
    /// <see cref="MaxVersions"/>); each labelled from its metadata (one HEAD per version listed). Delete
    /// markers are left out. A label that could not be read is marked so (<see cref="RemoteVersion.DetailsUnreadable"/>).
    /// </summary>
    public async Task<IReadOnlyList<RemoteVersion>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        var newestFirst = (await ListBareAsync(Math.Clamp(limit, 1, MaxVersions), cancellationToken).ConfigureAwait(false)).ToList();
        for (var i = 0; i < newestFirst.Count; i++)
            newestFirst[i] = await LabelledAsync(newestFirst[i], cancellationToken).ConfigureAwait(false);
        return newestFirst;
    }

    // S3 lists a key's versions newest first; that order is kept (times tie within a second). Pages are
    // followed while the service says there is more, each marker must move on, and at most MaxPages are read.
    private async Task<List<RemoteVersion>> ListBareAsync(int limit, CancellationToken cancellationToken)
    {
        const string action = "list the document's versions";
        var found = new List<RemoteVersion>();
        var latestDeleted = false;
        string? keyMarker = null;
        string? versionMarker = null;
        for (var page = 0; page < MaxPages && found.Count < limit; page++)
        {
            var listed = await store.RunAsync(action, async token =>
            {
                S3Answer answer;
                try
                {
                    answer = await store.Wire.ListVersionsAsync(Key, Math.Min(MaxVersions, limit - found.Count + 1), keyMarker, versionMarker, VersionListingPage.MaxBytes, token).ConfigureAwait(false);
                }
                catch (ResponseTooLargeException)
                {
                    throw Unreadable(action, $"the listing is more than the {VersionListingPage.MaxBytes / (1024 * 1024)} MiB read of it");
                }
                if (answer.Status is < 200 or >= 300)
                    throw new S3AnswerException(answer.Exchange);
                try
                {
                    return VersionListingPage.Parse(answer.Body ?? [], Key);
                }
                catch (FormatException ex)
                {
                    throw Unreadable(action, ex.Message);
                }
            }, cancellationToken).ConfigureAwait(false);
            found.AddRange(listed.Versions.Take(limit - found.Count));
            latestDeleted |= listed.LatestIsDeleteMarker;
            if (listed.PassedKey || !listed.IsTruncated || listed.NextKeyMarker is null)
                break;
            if (listed.NextKeyMarker == keyMarker && listed.NextVersionIdMarker == versionMarker)
                throw Unreadable(action, "its next page starts where the last one did");
            keyMarker = listed.NextKeyMarker;
            versionMarker = listed.NextVersionIdMarker;
        }
        // A listing that does not say which version is current: the newest one is, unless the key was deleted.
        if (found.Count > 0 && !latestDeleted && !found.Any(v => v.IsLatest))
            found[0] = found[0] with { IsLatest = true };
        return found;
    }

    /// <summary>The content of one version, bounded and checked like every read of the document.</summary>
    /// <exception cref="RemoteStoreException">The version does not exist (<see cref="RemoteFailureKind.Unexpected"/>), or the read failed.</exception>
    public async Task<RemoteObject> ReadAsync(string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionId);
        // "null" is asked for by name (?versionId=null), never as the current object: once versioning is
        // on, the null version is the document from before, not the newest one.
        var content = await store.ReadVersionAsync(versionId, cancellationToken).ConfigureAwait(false);
        return content ?? throw new RemoteStoreException(RemoteFailureKind.Unexpected,
            $"there is no version '{versionId}' of s3://{Bucket}/{Key}; start-claude s3-history lists them");
    }

    // The current "null" version is the object itself: its HEAD needs no version id, which some services
    // (moto) refuse where versioning was never on. A HEAD the service refuses leaves the label unread, not "none".
    private async Task<RemoteVersion> LabelledAsync(RemoteVersion version, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = version is { VersionId: NullVersion, IsLatest: true }
                ? await store.ReadMetadataAsync(cancellationToken).ConfigureAwait(false)
                : await store.ReadVersionMetadataAsync(version.VersionId, cancellationToken).ConfigureAwait(false);
            var (device, configs) = WriterLabel.Parse(metadata);
            return version with { Device = device, Configs = configs };
        }
        catch (RemoteStoreException ex) when (ex.Kind is RemoteFailureKind.Unexpected or RemoteFailureKind.AccessDenied or RemoteFailureKind.NotImplemented)
        {
            return version with { DetailsUnreadable = true };
        }
    }

    private RemoteStoreException Unreadable(string action, string why) =>
        new(RemoteFailureKind.Unexpected, $"could not {action} at s3://{Bucket}/{Key} at {store.Endpoint}: {WireText.Printable(why)}");
}
