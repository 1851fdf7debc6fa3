using System.Net;
using StartClaude.Abstractions;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;

namespace StartClaude.Core.Remote;

/// <summary>Bounded waits for the service; a person always gets an answer within <see cref="PerCall"/>.</summary>
public sealed record RemoteTimeouts(TimeSpan Connect, TimeSpan PerCall)
{
    public static RemoteTimeouts Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));
}

/// <summary>Builds a <see cref="RemoteDocumentStore"/> for settings, through the settings' provider.</summary>
public sealed class RemoteStoreFactory(ProviderCatalog providers, RemoteTimeouts timeouts, AppEnvironment environment)
{
    /// <summary>Called for each HTTP exchange of stores made from now on (for <c>--verbose</c>).</summary>
    public Action<S3Exchange>? OnExchange { get; set; }

    /// <summary>Called once per store made from now on with the proxy it goes through, credentials masked (for <c>--verbose</c>).</summary>
    public Action<string>? OnProxy { get; set; }

    public RemoteDocumentStore Create(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var provider = providers.Get(settings.ProviderId);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeouts.Connect,
            AutomaticDecompression = DecompressionMethods.None,
            // A redirect could carry the document (API keys) to a host the user never named.
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        var recorder = new S3ExchangeRecorder(handler) { OnExchange = OnExchange };
        // Above the recorder: what is recorded is what went on the wire, signed.
        var signing = new S3RequestSigning(recorder, TimeProvider.System);
        // Every call through the store has its own deadline (RemoteCallRunner, or one of its own); the
        // client's timeout would only race it. (Building the MinIO client on this one used to set it to 30 min.)
        var http = new HttpClient(signing) { Timeout = Timeout.InfiniteTimeSpan };
        // Only the address: the store's own requests need no MinIO client, so it is built when first asked for.
        var clients = provider.ClientFactory;
        var address = clients.Address(settings);
        var baseUri = address.BaseUri;
        signing.Credentials = new S3Credentials(settings.AccessKeyId, settings.SecretAccessKey, settings.SessionToken, address.Region is { Length: > 0 } region ? region : "us-east-1");
        var proxy = ProxySettings.For(baseUri, environment.Get);
        if (proxy is not null)
        {
            handler.UseProxy = true;
            handler.Proxy = proxy.ToWebProxy();
            OnProxy?.Invoke(proxy.Display);
        }
        var endpoint = EndpointOf(settings, provider);
        var wire = new S3Wire(http, baseUri, settings.Bucket);
        return new RemoteDocumentStore(new SdkClient(clients, settings, signing), wire, recorder, settings, endpoint, timeouts.PerCall, proxy);
    }

    private static string EndpointOf(S3SyncSettings settings, IStorageProvider provider) =>
        settings.EndpointUrl is { } url && S3Endpoint.TryParse(url, out _) is { } parsed
            ? parsed.ToString()
            : $"{provider.DisplayName} ({settings.Region})";
}
