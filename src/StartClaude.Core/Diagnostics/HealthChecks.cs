using StartClaude.Core.Remote;

namespace StartClaude.Core.Diagnostics;

/// <summary>
/// What <c>doctor</c> checks, in order: the local file, claude, the S3 settings, then the service
/// (reachable, clock, credentials, public access, versioning, conditional writes, encryption form).
/// A check that cannot run because an earlier one failed is skipped, not reported as a second failure.
/// Nothing here changes config.json; the only write is the conditional-write probe the sync would make
/// anyway, on a probe object it removes.
/// </summary>
public sealed class HealthChecks(LocalChecks local, ServiceChecks service, RemoteStoreFactory remotes)
{
    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<CheckResult>();
        var document = local.CheckConfigFile(results);
        local.CheckPrivacy(results);
        local.CheckClaude(results);
        var settings = local.CheckSettings(results, document);
        if (settings is null || document is null)
        {
            foreach (var (id, what) in RemoteChecks)
                results.Add(new CheckResult(id, what, CheckStatus.Skipped, "not checked: S3 sync is not usable"));
            return results;
        }
        RemoteDocumentStore store;
        try
        {
            store = remotes.Create(settings);
        }
        catch (Errors.UsageException ex)
        {
            // The wire honours the proxy variables; one that is not a proxy URL stops every request.
            results.Add(ServiceChecks.ProxyProblem(ex.Message));
            foreach (var (id, what) in RemoteChecks.Skip(1))
                results.Add(new CheckResult(id, what, CheckStatus.Skipped, "not checked: the proxy setting is not usable"));
            return results;
        }
        service.CheckProxy(results, store);
        if (!await ServiceChecks.CheckEndpointAndClockAsync(results, store, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (id, what) in RemoteChecks.Skip(3))
                results.Add(new CheckResult(id, what, CheckStatus.Skipped, "not checked: the endpoint cannot be reached"));
            return results;
        }
        var exists = await ServiceChecks.CheckCredentialsAsync(results, store, cancellationToken).ConfigureAwait(false);
        if (exists is null)
        {
            foreach (var (id, what) in RemoteChecks.Skip(4))
                results.Add(new CheckResult(id, what, CheckStatus.Skipped, "not checked: the credentials do not work"));
            return results;
        }
        await ServiceChecks.CheckPublicAsync(results, store, exists.Value, cancellationToken).ConfigureAwait(false);
        await ServiceChecks.CheckVersioningAsync(results, store, cancellationToken).ConfigureAwait(false);
        await service.CheckConditionalWritesAsync(results, store, settings, cancellationToken).ConfigureAwait(false);
        await ServiceChecks.CheckEncryptionAsync(results, store, document, cancellationToken).ConfigureAwait(false);
        return results;
    }

    private static readonly (string Id, string What)[] RemoteChecks =
    [
        ("proxy", "Proxy"),
        ("endpoint", "Endpoint reachable"),
        ("clock", "Clock against the service"),
        ("credentials", "Credentials and bucket"),
        ("public", "Bucket not publicly readable"),
        ("versioning", "Bucket versioning"),
        ("conditional-writes", "Conditional writes"),
        ("encryption", "Encryption setting matches the remote"),
    ];
}
