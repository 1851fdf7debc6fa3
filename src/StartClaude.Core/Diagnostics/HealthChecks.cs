using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.History;
using StartClaude.Core.Launch;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Diagnostics;

/// <summary>
/// What <c>doctor</c> checks, in order: the local file, claude, the S3 settings, then the service
/// (reachable, clock, credentials, public access, versioning, conditional writes, encryption form).
/// A check that cannot run because an earlier one failed is skipped, not reported as a second failure.
/// Nothing here changes config.json; the only write is the conditional-write probe the sync would make
/// anyway, on a probe object it removes.
/// </summary>
public sealed class HealthChecks(LocalConfigStore localStore, AppEnvironment environment, ProviderCatalog providers, RemoteStoreFactory remotes, SyncStateStore stateStore)
{
    /// <summary>S3 refuses signatures past this much clock difference (RequestTimeTooSkewed).</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    /// <summary>A difference worth a warning, well before signatures fail.</summary>
    public static readonly TimeSpan WarnSkew = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<CheckResult>();
        var document = CheckConfigFile(results);
        CheckPrivacy(results);
        CheckClaude(results);
        var settings = CheckSettings(results, document);
        if (settings is null || document is null)
        {
            foreach (var (id, what) in RemoteChecks)
                results.Add(new CheckResult(id, what, CheckStatus.Skipped, "not checked: S3 sync is not usable"));
            return results;
        }
        var store = remotes.Create(settings);
        CheckProxy(results, store);
        if (!await CheckEndpointAndClockAsync(results, store, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (id, what) in RemoteChecks.Skip(3))
                results.Add(new CheckResult(id, what, CheckStatus.Skipped, "not checked: the endpoint cannot be reached"));
            return results;
        }
        var exists = await CheckCredentialsAsync(results, store, cancellationToken).ConfigureAwait(false);
        if (exists is null)
        {
            foreach (var (id, what) in RemoteChecks.Skip(4))
                results.Add(new CheckResult(id, what, CheckStatus.Skipped, "not checked: the credentials do not work"));
            return results;
        }
        await CheckPublicAsync(results, store, exists.Value, cancellationToken).ConfigureAwait(false);
        await CheckVersioningAsync(results, store, cancellationToken).ConfigureAwait(false);
        await CheckConditionalWritesAsync(results, store, settings, cancellationToken).ConfigureAwait(false);
        await CheckEncryptionAsync(results, store, document, cancellationToken).ConfigureAwait(false);
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

    private ConfigDocument? CheckConfigFile(List<CheckResult> results)
    {
        const string what = "config.json is a valid config document";
        try
        {
            var document = localStore.Read();
            results.Add(document is null
                ? new CheckResult("config", what, CheckStatus.Warning, $"{localStore.ConfigPath} does not exist yet", "add a config (start-claude add) or set up sync (start-claude s3-setup)")
                : new CheckResult("config", what, CheckStatus.Ok, $"{localStore.ConfigPath}: {document.LiveConfigs.Count} config(s)"));
            return document;
        }
        catch (Exception ex) when (ex is DocumentFormatException or LocalConfigException)
        {
            results.Add(new CheckResult("config", what, CheckStatus.Problem, ex.Message,
                "fix the file by hand, or put back a backup: start-claude backups, then start-claude backups restore latest"));
            return null;
        }
    }

    private void CheckPrivacy(List<CheckResult> results)
    {
        const string what = "config.json is private (it holds API keys)";
        if (OperatingSystem.IsWindows())
        {
            results.Add(new CheckResult("config-private", what, CheckStatus.Skipped, "not checked on Windows (the file is in your user profile)"));
            return;
        }
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var open = new List<string>();
        var fixes = new List<string>();
        if (File.Exists(localStore.ConfigPath) && (File.GetUnixFileMode(localStore.ConfigPath) & others) != 0)
        {
            open.Add($"{localStore.ConfigPath} is mode {Octal(File.GetUnixFileMode(localStore.ConfigPath))}");
            fixes.Add($"chmod 600 '{localStore.ConfigPath}'");
        }
        if (Directory.Exists(localStore.Folder) && (File.GetUnixFileMode(localStore.Folder) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            open.Add($"{localStore.Folder} can be written by others (mode {Octal(File.GetUnixFileMode(localStore.Folder))})");
            fixes.Add($"chmod 700 '{localStore.Folder}'");
        }
        results.Add(open.Count == 0
            ? new CheckResult("config-private", what, CheckStatus.Ok, "readable and writable only by you")
            : new CheckResult("config-private", what, CheckStatus.Problem, string.Join("; ", open), string.Join(" and ", fixes)));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');

    private void CheckClaude(List<CheckResult> results)
    {
        const string what = "claude is on PATH";
        results.Add(ClaudeExecutable.Find(environment.Get("PATH"), environment.Get("PATHEXT")) is { } found
            ? new CheckResult("claude", what, CheckStatus.Ok, found)
            : new CheckResult("claude", what, CheckStatus.Problem, "no claude executable on PATH: starting a config will fail (exit 127)",
                $"install Claude Code ({ClaudeExecutable.InstallCommand}) or put its folder on PATH"));
    }

    private S3SyncSettings? CheckSettings(List<CheckResult> results, ConfigDocument? document)
    {
        const string what = "S3 settings complete";
        if (document?.S3Sync is null)
        {
            results.Add(new CheckResult("s3-settings", what, CheckStatus.Skipped, "S3 sync is not set up", "to sync configs across devices: start-claude s3-setup"));
            return null;
        }
        try
        {
            var resolved = providers.ResolveStored(document);
            var settings = resolved!.Settings;
            results.Add(new CheckResult("s3-settings", what, CheckStatus.Ok,
                $"{settings.ProviderId}, s3://{settings.Bucket}/{settings.Key}, access key {SecretMask.Mask(settings.AccessKeyId)}"));
            return settings;
        }
        catch (StartClaudeException ex)
        {
            results.Add(new CheckResult("s3-settings", what, CheckStatus.Problem, ex.Message, "re-run start-claude s3-setup"));
            return null;
        }
    }

    private void CheckProxy(List<CheckResult> results, RemoteDocumentStore store)
    {
        const string what = "Proxy";
        var url = BaseUri(store);
        var proxy = ProxySetting.For(url, environment);
        if (proxy.Variable is null)
            results.Add(new CheckResult("proxy", what, CheckStatus.Ok, $"none: {url.Host} is reached directly"));
        else if (!proxy.IsValid)
            results.Add(new CheckResult("proxy", what, CheckStatus.Problem, $"{proxy.Variable} is set but is not an http(s) URL: {proxy.Shown}", $"set {proxy.Variable} to http://HOST:PORT, or unset it"));
        else if (proxy.Bypassed)
            results.Add(new CheckResult("proxy", what, CheckStatus.Ok, $"{proxy.Variable} is {proxy.Shown}, but NO_PROXY lists {url.Host}: reached directly"));
        else
            results.Add(new CheckResult("proxy", what, CheckStatus.Ok, $"{proxy.Variable} names {proxy.Shown} for {url.Host}"));
    }

    // One unsigned HEAD of the bucket: any answer proves the endpoint, and its Date header tells the service's clock.
    private static async Task<bool> CheckEndpointAndClockAsync(List<CheckResult> results, RemoteDocumentStore store, CancellationToken cancellationToken)
    {
        var url = new Uri(BaseUri(store), Uri.EscapeDataString(store.Settings.Bucket));
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            response = await store.Client.Config.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            results.Add(new CheckResult("endpoint", "Endpoint reachable", CheckStatus.Problem,
                $"cannot reach {store.Endpoint}: {(ex is TaskCanceledException ? "no answer in time" : ex.Message)}",
                "check the endpoint URL (start-claude s3-status), the network, and any proxy"));
            results.Add(new CheckResult("clock", "Clock against the service", CheckStatus.Skipped, "not checked: the endpoint cannot be reached"));
            return false;
        }
        using (response)
        {
            results.Add(new CheckResult("endpoint", "Endpoint reachable", CheckStatus.Ok,
                string.Create(CultureInfo.InvariantCulture, $"{store.Endpoint} answered HTTP {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms")));
            results.Add(ClockResult(response.Headers.Date, DateTimeOffset.UtcNow));
        }
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
    private static async Task<bool?> CheckCredentialsAsync(List<CheckResult> results, RemoteDocumentStore store, CancellationToken cancellationToken)
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

    private static async Task CheckPublicAsync(List<CheckResult> results, RemoteDocumentStore store, bool exists, CancellationToken cancellationToken)
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

    private static async Task CheckVersioningAsync(List<CheckResult> results, RemoteDocumentStore store, CancellationToken cancellationToken)
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
            results.Add(new CheckResult("versioning", what, CheckStatus.Warning, $"could not be read: {ex.Message}", "allow s3:GetBucketVersioning to see it"));
        }
    }

    private async Task CheckConditionalWritesAsync(List<CheckResult> results, RemoteDocumentStore store, S3SyncSettings settings, CancellationToken cancellationToken)
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
            results.Add(new CheckResult("conditional-writes", what, CheckStatus.Problem, ex.Message, "grant the key s3:PutObject and s3:DeleteObject on the bucket"));
        }
    }

    private static async Task CheckEncryptionAsync(List<CheckResult> results, RemoteDocumentStore store, ConfigDocument document, CancellationToken cancellationToken)
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

    // The SDK keeps the endpoint with or without its scheme depending on how it was given.
    private static Uri BaseUri(RemoteDocumentStore store)
    {
        var endpointText = store.Client.Config.Endpoint;
        return Uri.TryCreate(endpointText, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? new Uri(absolute.GetLeftPart(UriPartial.Authority) + "/")
            : new Uri($"{(store.Client.Config.Secure ? "https" : "http")}://{endpointText}/");
    }
}
