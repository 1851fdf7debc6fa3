using Minio;
using Minio.DataModel.Args;
using StartClaude.Core.Remote;

namespace StartClaude.Core.History;

/// <summary>
/// The remote document's history: the bucket's object versions of its key, each labelled with the
/// writer the PUT carried (<see cref="WriterLabel"/>), and the content of any one of them. The listing and
/// the bucket's versioning go through the store's MinIO client (the same signed, redirect-free HttpClient);
/// a version's HEAD and GET through the store's own wire, bounded like every read of the document. All of
/// it runs through the store, so failures are classified and retried as every other request.
/// </summary>
public sealed class RemoteVersionStore(RemoteDocumentStore store)
{
    /// <summary>Most versions ever listed, whatever the limit asked: the listing is bounded work.</summary>
    public const int MaxVersions = 1000;

    /// <summary>Provider ids of services that keep no object versions.</summary>
    private static readonly HashSet<string> WithoutVersioning = new(StringComparer.Ordinal) { "cloudflare-r2" };

    private IMinioClient Client => store.Client;

    private string Bucket => store.Settings.Bucket;

    private string Key => store.Settings.Key;

    public async Task<VersioningState> ReadVersioningAsync(CancellationToken cancellationToken = default)
    {
        if (WithoutVersioning.Contains(store.Settings.ProviderId))
            return VersioningState.Unsupported;
        try
        {
            var status = await store.RunAsync("read the bucket's versioning", async token =>
            {
                var config = await Client.GetVersioningAsync(new GetVersioningArgs().WithBucket(Bucket), token).ConfigureAwait(false);
                return config?.Status ?? "";
            }, cancellationToken).ConfigureAwait(false);
            return status switch
            {
                "Enabled" => VersioningState.Enabled,
                "Suspended" => VersioningState.Suspended,
                _ => VersioningState.Off,
            };
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.NotImplemented)
        {
            return VersioningState.Unsupported;
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.Unexpected && ex.InnerException is InvalidOperationException)
        {
            // A 200 the SDK cannot read (moto 5.2.1 answers <GetBucketVersioningResponse>, not
            // <VersioningConfiguration>): the versions themselves tell. Ids other than "null" exist
            // only where versioning is or was on; a bucket with no document yet reads as off.
            var versions = await ListBareAsync(2, cancellationToken).ConfigureAwait(false);
            return versions.Any(v => v.VersionId != NullVersion) ? VersioningState.Enabled : VersioningState.Off;
        }
    }

    /// <summary>Turns versioning on for the bucket (needs s3:PutBucketVersioning).</summary>
    public Task EnableVersioningAsync(CancellationToken cancellationToken = default) =>
        store.RunAsync("turn on the bucket's versioning", async token =>
        {
            await Client.SetVersioningAsync(new SetVersioningArgs().WithBucket(Bucket).WithVersioningEnabled(), token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The document's versions, newest first, at most <paramref name="limit"/>; each labelled from its
    /// metadata (one HEAD per version listed). Delete markers are left out.
    /// </summary>
    public async Task<IReadOnlyList<RemoteVersion>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        var newestFirst = (await ListBareAsync(Math.Clamp(limit, 1, MaxVersions), cancellationToken).ConfigureAwait(false)).ToList();
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var (device, configs) = await ReadLabelAsync(newestFirst[i].VersionId, cancellationToken).ConfigureAwait(false);
            newestFirst[i] = newestFirst[i] with { Device = device, Configs = configs };
        }
        return newestFirst;
    }

    /// <summary>The id of the one version a bucket without versioning keeps.</summary>
    public const string NullVersion = "null";

    // S3 lists a key's versions newest first; that order is kept (times tie within a second). The SDK
    // does not always read IsLatest (moto's answer): then the first listed is the current one.
    private async Task<IReadOnlyList<RemoteVersion>> ListBareAsync(int limit, CancellationToken cancellationToken)
    {
        var listed = await store.RunAsync("list the document's versions", async token =>
        {
            var found = new List<RemoteVersion>();
            var args = new ListObjectsArgs().WithBucket(Bucket).WithPrefix(Key).WithRecursive(true).WithVersions(true);
            await foreach (var item in Client.ListObjectsEnumAsync(args, token).ConfigureAwait(false))
            {
                if (item.Key != Key || item.IsDir)
                    continue;
                DateTimeOffset? modified = item.LastModifiedDateTime is { } dt ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : null;
                found.Add(new RemoteVersion(item.VersionId is { Length: > 0 } id ? id : NullVersion, modified, (long)item.Size,
                    item.ETag is { Length: > 0 } tag ? Quote(tag) : null, item.IsLatest, null, null));
                if (found.Count >= limit)
                    break;
            }
            return found;
        }, cancellationToken).ConfigureAwait(false);
        if (listed.Count > 0 && !listed.Any(v => v.IsLatest))
            listed[0] = listed[0] with { IsLatest = true };
        return listed;
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

    private async Task<(string? Device, int? Configs)> ReadLabelAsync(string versionId, CancellationToken cancellationToken) =>
        WriterLabel.Parse(await store.ReadVersionMetadataAsync(versionId, cancellationToken).ConfigureAwait(false));

    private static string Quote(string etag) => etag.StartsWith('"') ? etag : $"\"{etag}\"";
}
