using System.Text;

namespace StartClaude.Core.Remote;

/// <summary>
/// SigV4's URI encoding: every byte of the UTF-8 form except A–Z, a–z, 0–9, '-', '.', '_' and '~' as
/// %XX (upper case). A URI whose path and query are already in this form is sent exactly as it is
/// signed, so a server that decodes and re-encodes it (as S3 and moto do) computes the same
/// canonical request: a key with '/', spaces, '+', '=', ',', ';', '@' or non-ASCII signs correctly.
/// </summary>
public static class S3UriEncoding
{
    /// <summary>Encodes one path segment or query component ('/' included).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b))
                builder.Append((char)b);
            else
                builder.Append('%').Append(Convert.ToHexString([b]));
        }
        return builder.ToString();
    }

    /// <summary>The path of an object, path-style: /bucket/key with each '/'-separated part encoded.</summary>
    public static string ObjectPath(string bucket, string key) =>
        "/" + Encode(bucket) + "/" + string.Join('/', key.Split('/').Select(Encode));

    /// <summary>
    /// The canonical form of a path as some client (the MinIO SDK) already encoded it: decoded part
    /// by part and encoded again the SigV4 way.
    /// </summary>
    public static string CanonicalPath(string escapedPath) =>
        string.Join('/', escapedPath.Split('/').Select(part => Encode(Uri.UnescapeDataString(part))));

    /// <summary>The canonical query: pairs decoded, encoded again, sorted by name then value.</summary>
    public static string CanonicalQuery(string query)
    {
        var text = query.StartsWith('?') ? query[1..] : query;
        if (text.Length == 0)
            return "";
        var pairs = text.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return (Name: Encode(Decode(name)), Value: Encode(Decode(value)));
        });
        return string.Join('&', pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
    }

    // In a query, '+' is how some clients write a space.
    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';
}
