using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace StartClaude.Core.Remote;

/// <summary>
/// AWS Signature Version 4 for S3, computed from the request exactly as it goes on the wire. The
/// request's URI must already be in canonical form (<see cref="S3UriEncoding"/>); the payload hash is
/// the request's own x-amz-content-sha256 when it has one, else the SHA-256 of its body.
/// </summary>
public static class S3Signer
{
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private static readonly string EmptyHash = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>Signs <paramref name="request"/> for <paramref name="now"/>, replacing any earlier signature.</summary>
    public static async Task SignAsync(HttpRequestMessage request, S3Credentials credentials, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = Canonical(request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request)));
        request.RequestUri = uri;
        var payloadHash = Header(request, "x-amz-content-sha256") ?? (request.Content is null
            ? EmptyHash
            : Convert.ToHexStringLower(SHA256.HashData(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false))));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        request.Headers.Remove("Authorization");
        Set(request.Headers, "x-amz-date", amzDate);
        Set(request.Headers, "x-amz-content-sha256", payloadHash);
        request.Headers.Remove("x-amz-security-token");
        if (credentials.SessionToken is { Length: > 0 } token)
            Set(request.Headers, "x-amz-security-token", token);
        // IdnHost leaves an IPv6 address bare; in a Host header it goes in brackets, as in the URL.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
        request.Headers.Host = uri.IsDefaultPort ? host : $"{host}:{uri.Port}";

        request.Headers.TryAddWithoutValidation("Authorization", Authorization(
            request.Method.Method, uri.AbsolutePath, uri.Query, SignedHeaders(request), payloadHash, credentials, amzDate));
    }

    // The URI in the form it is signed in, so what is sent is what was signed.
    private static Uri Canonical(Uri uri)
    {
        var query = S3UriEncoding.CanonicalQuery(uri.Query);
        return new Uri($"{uri.Scheme}://{uri.Authority}{S3UriEncoding.CanonicalPath(uri.AbsolutePath)}{(query.Length > 0 ? "?" + query : "")}");
    }

    /// <summary>The Authorization header value; a pure function, so it is pinned by AWS's published example.</summary>
    public static string Authorization(string method, string canonicalPath, string query, IReadOnlyList<KeyValuePair<string, string>> headers, string payloadHash, S3Credentials credentials, string amzDate)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(credentials);
        // Plain arrays sorted by name, not LINQ over tuples: generic code over a value type is compiled
        // at run time on every start, and every remote command signs.
        var names = new string[headers.Count];
        var values = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            names[i] = headers[i].Key.ToLowerInvariant();
            values[i] = Trim(headers[i].Value);
        }
        Array.Sort(names, values, StringComparer.Ordinal);
        var canonicalHeaders = new StringBuilder();
        for (var i = 0; i < names.Length; i++)
            canonicalHeaders.Append(names[i]).Append(':').Append(values[i]).Append('\n');
        var signedHeaders = string.Join(';', names);
        var canonicalRequest = string.Join('\n',
            method,
            canonicalPath,
            S3UriEncoding.CanonicalQuery(query),
            canonicalHeaders.ToString(),
            signedHeaders,
            payloadHash);
        var date = amzDate[..8];
        var scope = $"{date}/{credentials.Region}/s3/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, credentials.Region);
        key = Hmac(key, "s3");
        key = Hmac(key, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        return $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    // Host, every x-amz-* header (S3 requires them signed), and the ones that decide what a request does.
    private static List<KeyValuePair<string, string>> SignedHeaders(HttpRequestMessage request)
    {
        var signed = new List<KeyValuePair<string, string>> { new("host", request.Headers.Host!) };
        foreach (var (name, values) in request.Headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("x-amz-", StringComparison.Ordinal) || lower is "if-match" or "if-none-match" or "range")
                signed.Add(new(lower, string.Join(',', values)));
        }
        if (request.Content is { } content)
        {
            foreach (var (name, values) in content.Headers)
            {
                var lower = name.ToLowerInvariant();
                if (lower is "content-type" or "content-md5")
                    signed.Add(new(lower, string.Join(',', values)));
            }
        }
        return signed;
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static void Set(HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }

    private static string Trim(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
