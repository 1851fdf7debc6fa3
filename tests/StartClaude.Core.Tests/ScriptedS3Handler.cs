using System.Net;
using System.Text;

namespace StartClaude.Core.Tests;

/// <summary>An S3 service in memory: each request answered by a script, and every request kept.</summary>
internal sealed class ScriptedS3Handler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<string> _requests = [];

    /// <summary>Each request as "METHOD path?query", as sent.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    public static HttpResponseMessage Xml(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
            _requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        return Task.FromResult(answer(request));
    }
}
