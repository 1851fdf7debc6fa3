using System.Net;
using StartClaude.Abstractions;
using StartClaude.Core.Providers;

namespace StartClaude.Core.Remote;

/// <summary>Bounded waits for the service; a person always gets an answer within <see cref="PerCall"/>.</summary>
public sealed record RemoteTimeouts(TimeSpan Connect, TimeSpan PerCall)
{
    public static RemoteTimeouts Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));
}

/// <summary>Builds a <see cref="RemoteDocumentStore"/> for settings, through the settings' provider.</summary>
public sealed class RemoteStoreFactory(ProviderCatalog providers, RemoteTimeouts timeouts)
{
    /// <summary>Called for each HTTP exchange of stores made from now on (for <c>--verbose</c>).</summary>
    public Action<S3Exchange>? OnExchange { get; set; }

    public RemoteDocumentStore Create(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var provider = providers.Get(settings.ProviderId);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeouts.Connect,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        var recorder = new S3ExchangeRecorder(handler) { OnExchange = OnExchange };
        // Outside the recorder: what it answers never reaches the wire, so it is not recorded.
        var shortcut = new SdkPreflightShortcut(recorder);
        var http = new HttpClient(shortcut) { Timeout = timeouts.PerCall };
        var client = provider.ClientFactory.Create(settings, http);
        var endpoint = EndpointOf(settings, provider);
        return new RemoteDocumentStore(client, recorder, shortcut, settings, endpoint, timeouts.PerCall);
    }

    private static string EndpointOf(S3SyncSettings settings, IStorageProvider provider) =>
        settings.EndpointUrl is { } url && S3Endpoint.TryParse(url, out _) is { } parsed
            ? parsed.ToString()
            : $"{provider.DisplayName} ({settings.Region})";
}
