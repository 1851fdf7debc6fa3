using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.History;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Diagnostics;

/// <summary>
/// The checks of <c>doctor</c> that ask the service: proxy, endpoint and clock, credentials, public
/// access, versioning, conditional writes, and the remote document's form.
/// </summary>
public sealed class ServiceChecks(AppEnvironment environment, SyncStateStore stateStore)
{
    /// <summary>S3 refuses signatures past this much clock difference (RequestTimeTooSkewed).</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    /// <summary>A difference worth a warning, well before signatures fail.</summary>
    public static readonly TimeSpan WarnSkew = TimeSpan.FromMinutes(2);

    public void CheckProxy(List<CheckResult> results, RemoteDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(results);
        results.Add(ProxyResult(BaseUri(store), environment.Get));
    }

    /// <summary>
    /// The proxy the requests to <paramref name="endpoint"/> go through, by the wire's own rule
    /// (<see cref="ProxySettings"/>), credentials masked; a value that is not a proxy URL is a problem.
    /// </summary>
    public static CheckResult ProxyResult(Uri endpoint, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        const string what = "Proxy";
        ProxySettings? proxy;
        try
        {
            proxy = ProxySettings.For(endpoint, variable);
        }
        catch (Errors.UsageException ex)
        {
            return ProxyProblem(ex.Message);
        }
        return proxy is null
            ? new CheckResult("proxy", what, CheckStatus.Ok, $"none: {endpoint.Host} is reached directly")
            : new CheckResult("proxy", what, CheckStatus.Ok, $"requests to {endpoint.Host} go through {proxy.Display}");
    }

    /// <summary>The proxy check's problem: a proxy variable that is not a proxy URL (the message names the variable, never its value).</summary>
    public static CheckResult ProxyProblem(string message) =>
        new("proxy", "Proxy", CheckStatus.Problem, message, "set it to http://HOST:PORT, or unset it");

    // One unsigned HEAD of the bucket within the store's deadline (START_CLAUDE_TIMEOUT_SECONDS): an answer
    // proves the endpoint, and its Date header tells the service's clock. A 5xx is an answer, but no working service.
    public static async Task<bool> CheckEndpointAndClockAsync(List<CheckResult> results, RemoteDocumentStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(store);
        const string what = "Endpoint reachable";
        var watch = Stopwatch.StartNew();
        S3Exchange answer;
        try
        {
            answer = await store.ReachAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex)
        {
            results.Add(new CheckResult("endpoint", what, CheckStatus.Problem, ex.Message,
                "check the endpoint URL (start-claude s3-status), the network, and any proxy"));
            results.Add(new CheckResult("clock", "Clock against the service", CheckStatus.Skipped, "not checked: the endpoint cannot be reached"));
            return false;
        }
        var answered = string.Create(CultureInfo.InvariantCulture, $"{store.Endpoint} answered HTTP {answer.Status} in {watch.ElapsedMilliseconds} ms");
        results.Add(answer.Status >= 500
            ? new CheckResult("endpoint", what, CheckStatus.Problem, $"{answered}: the service is failing", "try again later; if it persists, check the service's status or the proxy in between")
            : new CheckResult("endpoint", what, CheckStatus.Ok, answered));
        results.Add(ClockResult(answer.Date, DateTimeOffset.UtcNow));
        return true;
    }

    /// <summary>Compares the service's Date header with this machine's clock.</summary>
    public static CheckResult ClockResult(DateTimeOffset? serviceDate, DateTimeOffset now)
    {
        const string what = "Clock against the service";
        if (serviceDate is not { } date)
            return new CheckResult("clock", what, CheckStatus.Warning, "the service sent no Date header: the clock cannot be compared");
        var skew = now - date;
        var size = skew.Duration();
        var text = size < TimeSpan.FromSeconds(1) ? "the same to the second"
            : string.Create(CultureInfo.InvariantCulture, $"this machine is {(size.TotalMinutes >= 1 ? $"{size.TotalMinutes:0} min" : $"{size.TotalSeconds:0} s")} {(skew > TimeSpan.Zero ? "ahead of" : "behind")} the service");
        const string fix = "set the system clock right, best by network time (for example: sudo timedatectl set-ntp true)";
        if (size > MaxSkew)
            return new CheckResult("clock", what, CheckStatus.Problem, $"{text}: signatures fail past {MaxSkew.TotalMinutes:0} minutes (RequestTimeTooSkewed)", fix);
        if (size > WarnSkew)
            return new CheckResult("clock", what, CheckStatus.Warning, $"{text}: still within the {MaxSkew.TotalMinutes:0} minutes signatures allow", fix);
        return new CheckResult("clock", what, CheckStatus.Ok, text);
    }

    /// <returns>Whether the document exists; null when the credentials or bucket do not work.</returns>
    public static async Task<bool?> CheckCredentialsAsync(List<CheckResult> results, RemoteDocumentStore store, CancellationToken cancellationToken)
    {
        const string what = "Credentials and bucket";
        try
        {
            var info = await store.ProbeAsync(cancellationToken).ConfigureAwait(false);
            results.Add(new CheckResult("credentials", what, CheckStatus.Ok,
                $"access key {SecretMask.Mask(store.Settings.AccessKeyId)} can read bucket '{store.Settings.Bucket}'; {(info is null ? "no document there yet" : "the document is there")}"));
            return info is not null;
        }
        catch (RemoteStoreException ex)
        {
            var fix = ex.Kind switch
            {
                RemoteFailureKind.WrongSecret or RemoteFailureKind.UnknownAccessKey => "re-run start-claude s3-setup with the right access key id and secret",
                RemoteFailureKind.BucketMissing => "create the bucket, or fix its name with start-claude s3-setup",
                RemoteFailureKind.AccessDenied => "grant the key s3:ListBucket, s3:GetObject and s3:PutObject on the bucket",
                RemoteFailureKind.ClockSkew => "set the system clock right",
                _ => "check the settings with start-claude s3-status, then try again",
            };
            results.Add(new CheckResult("credentials", what, CheckStatus.Problem, ex.Message, fix));
            return null;
        }
    }

    public static async Task CheckPublicAsync(List<CheckResult> results, RemoteDocumentStore store, bool exists, CancellationToken cancellationToken)
    {
        const string what = "Bucket not publicly readable";
        if (!exists)
        {
            results.Add(new CheckResult("public", what, CheckStatus.Skipped, "no document yet to try to read without credentials"));
            return;
        }
        results.Add(await store.IsPubliclyReadableAsync(cancellationToken).ConfigureAwait(false) switch
        {
            true => new CheckResult("public", what, CheckStatus.Problem, "anyone can download the document without credentials (it holds your API keys unless encrypted)",
                "remove public access: the bucket's public-access block, bucket policy and object ACLs; and consider start-claude s3-setup --encrypt"),
            false => new CheckResult("public", what, CheckStatus.Ok, "a request without credentials is refused"),
            null => new CheckResult("public", what, CheckStatus.Warning, "the service's answer to a request without credentials does not tell", "check the bucket's access settings in the service's console"),
        });
    }

    public static async Task CheckVersioningAsync(List<CheckResult> results, RemoteDocumentStore store, CancellationToken cancellationToken)
    {
        const string what = "Bucket versioning";
        try
        {
            results.Add(await new RemoteVersionStore(store).ReadVersioningAsync(cancellationToken).ConfigureAwait(false) switch
            {
                VersioningState.Enabled => new CheckResult("versioning", what, CheckStatus.Ok, "on: every write keeps the version before it (start-claude s3-history)"),
                VersioningState.Suspended => new CheckResult("versioning", what, CheckStatus.Warning, "suspended: older versions stay, new writes replace the current one", "start-claude s3-history --enable-versioning"),
                VersioningState.Off => new CheckResult("versioning", what, CheckStatus.Warning, "off: the bucket keeps only the current document, so an overwrite cannot be undone from the bucket", "start-claude s3-history --enable-versioning"),
                _ => new CheckResult("versioning", what, CheckStatus.Ok, "this service keeps no object versions: this machine's backups are the history (start-claude backups)"),
            });
        }
        catch (RemoteStoreException ex)
        {
            // A failure is reported as one, never as "off".
            results.Add(new CheckResult("versioning", what, CheckStatus.Warning, $"could not be read: {ex.Message}",
                ex.Kind == RemoteFailureKind.AccessDenied ? "allow s3:GetBucketVersioning to see it" : "run start-claude doctor again; if it persists, check the service"));
        }
    }

    public async Task CheckConditionalWritesAsync(List<CheckResult> results, RemoteDocumentStore store, S3SyncSettings settings, CancellationToken cancellationToken)
    {
        const string what = "Conditional writes";
        try
        {
            var supported = stateStore.ReadConditionalWrites(settings);
            if (supported is null)
            {
                supported = await store.SupportsConditionalWritesAsync(cancellationToken).ConfigureAwait(false);
                stateStore.SaveConditionalWrites(settings, supported.Value);
            }
            results.Add(supported.Value
                ? new CheckResult("conditional-writes", what, CheckStatus.Ok, "honoured (If-Match): two devices writing at once cannot lose an update")
                : new CheckResult("conditional-writes", what, CheckStatus.Warning, "ignored by this service: the tool re-reads the ETag just before each write instead, which leaves a short window",
                    "nothing to do; sync from one device at a time when you can"));
        }
        catch (RemoteStoreException ex)
        {
            results.Add(new CheckResult("conditional-writes", what, CheckStatus.Problem, ex.Message, "grant the key s3:PutObject on the document's key and the probe object beside it (<key>" + ConditionalWriteProbe.Suffix + ")"));
        }
    }

    public static async Task CheckEncryptionAsync(List<CheckResult> results, RemoteDocumentStore store, ConfigDocument document, CancellationToken cancellationToken)
    {
        const string what = "Encryption setting matches the remote";
        var encrypt = document.S3Sync?.Encrypt ?? false;
        try
        {
            var remote = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (remote is null)
            {
                results.Add(new CheckResult("encryption", what, CheckStatus.Ok, $"no remote document yet; it will be written {(encrypt ? "encrypted" : "as plain JSON")}"));
                return;
            }
            var encrypted = DocumentCodec.IsEncrypted(remote.Content);
            results.Add(encrypted == encrypt
                ? new CheckResult("encryption", what, CheckStatus.Ok, encrypt ? "on here, and the remote document is encrypted" : "off here, and the remote document is plain JSON")
                : new CheckResult("encryption", what, CheckStatus.Problem,
                    encrypted ? "the remote document is encrypted, but encryption is off here: sync will refuse it" : "encryption is on here, but the remote document is plain JSON: sync will refuse it",
                    encrypted ? "start-claude s3-setup --encrypt (with the passphrase the other devices use)" : "start-claude s3-setup --no-encrypt to match it, or re-upload it encrypted: start-claude s3-upload"));
        }
        catch (Exception ex) when (ex is RemoteStoreException or DocumentFormatException)
        {
            results.Add(new CheckResult("encryption", what, CheckStatus.Warning, $"the remote document could not be read: {ex.Message}"));
        }
    }

    // Where the store's own requests go.
    private static Uri BaseUri(RemoteDocumentStore store) => new(store.BaseUri.GetLeftPart(UriPartial.Authority) + "/");
}
