using System.Net;

namespace StartClaude.ProviderModules.Tests;

/// <summary>Records each request and either forwards it or answers 404 itself (for endpoints that must not be contacted).</summary>
internal sealed class RecordingHandler(bool forward) : DelegatingHandler(new SocketsHttpHandler())
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return forward
            ? base.SendAsync(request, cancellationToken)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
    }

    public string CredentialScope() =>
        Requests.Select(r => r.Headers.TryGetValues("Authorization", out var v) ? v.First() : "").First(a => a.Length > 0);
}
