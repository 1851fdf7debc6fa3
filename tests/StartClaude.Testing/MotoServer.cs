using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StartClaude.Testing;

/// <summary>
/// moto_server on 127.0.0.1. With <c>verifySignatures</c>, the first three requests create an IAM user,
/// its policy and access key; every request after that must carry a valid SigV4 signature for them
/// (INITIAL_NO_AUTH_ACTION_COUNT), which is how wrong-secret and unknown-key tests run.
/// </summary>
public sealed partial class MotoServer : LoopbackS3Server
{
    private const int FreeActions = 3;

    private MotoServer(ProcessStartInfo start, int port, string accessKeyId, string secret)
        : base(start, port, accessKeyId, secret)
    {
    }

    public bool VerifiesSignatures { get; private init; }

    /// <param name="verifySignatures">Check every SigV4 signature against a real IAM access key.</param>
    /// <param name="atomicPuts">
    /// Serialize object PUTs (tests/tools/moto_atomic_put.py): moto checks If-Match and writes without a
    /// lock, so only then does it decide conditional writes atomically, as S3 does, under concurrency.
    /// </param>
    public static async Task<MotoServer> StartAsync(bool verifySignatures = false, bool atomicPuts = false)
    {
        var port = FreePort.Next();
        // Signature checks go through a wrapper that canonicalizes requests as S3 does (see the script).
        var start = verifySignatures
            ? new ProcessStartInfo("python3") { ArgumentList = { Path.Combine(ExecutableSearch.RepositoryRoot(), "tests", "tools", "moto_s3_signing.py") } }
            : atomicPuts
            ? new ProcessStartInfo("python3") { ArgumentList = { Path.Combine(ExecutableSearch.RepositoryRoot(), "tests", "tools", "moto_atomic_put.py") } }
            : ExecutableSearch.OnPath("moto_server") is { } moto
                ? new ProcessStartInfo(moto)
                : new ProcessStartInfo("python3") { ArgumentList = { "-m", "moto.server" } };
        foreach (var arg in new[] { "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        if (verifySignatures && atomicPuts)
            start.Environment["START_CLAUDE_ATOMIC_PUTS"] = "1";
        if (verifySignatures)
            start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = FreeActions.ToString(CultureInfo.InvariantCulture);
        // Keep any real AWS settings of the developer's shell away from the server.
        start.Environment.Remove("AWS_PROFILE");

        var server = new MotoServer(start, port, "test-access-key", "test-secret-key") { VerifiesSignatures = verifySignatures };
        try
        {
            await server.WaitUntilReadyAsync("moto_server").ConfigureAwait(false);
            if (verifySignatures)
                await server.CreateIamUserAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Grants public read on one object (a canned ACL); only for a server that does not check signatures.</summary>
    public async Task MakeObjectPublicAsync(string bucket, string key)
    {
        if (VerifiesSignatures)
            throw new InvalidOperationException("an unsigned ACL change needs the server that accepts any credentials");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{EndpointUrl}/{bucket}/{key}?acl");
        request.Headers.TryAddWithoutValidation("x-amz-acl", "public-read");
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private async Task CreateIamUserAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await IamAsync(http, "CreateUser", ("UserName", "start-claude-test")).ConfigureAwait(false);
        await IamAsync(http, "PutUserPolicy", ("UserName", "start-claude-test"), ("PolicyName", "all"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")).ConfigureAwait(false);
        var keyXml = await IamAsync(http, "CreateAccessKey", ("UserName", "start-claude-test")).ConfigureAwait(false);
        AccessKeyId = Element(keyXml, "AccessKeyId");
        SecretAccessKey = Element(keyXml, "SecretAccessKey");
    }

    private async Task<string> IamAsync(HttpClient http, string action, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2010-05-08") };
        form.AddRange(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, EndpointUrl + "/") { Content = new FormUrlEncodedContent(form) };
        // Within the free actions moto does not check the signature, only which service the scope names.
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"moto IAM {action} failed: {(int)response.StatusCode} {body}");
        return body;
    }

    private static string Element(string xml, string name)
    {
        var match = Regex.Match(xml, $"<{name}>([^<]+)</{name}>");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"no {name} in moto's answer");
    }
}
