using System.Buffers;
using System.Text;

namespace StartClaude.Abstractions;

/// <summary>
/// Checks that hold for every S3-compatible service. Each returns null when the value is acceptable,
/// else one sentence saying why not. No message repeats a secret value.
/// </summary>
public static class SettingRules
{
    /// <summary>S3's bucket naming rules: 3–63 characters of a-z, 0-9, '.', '-', starting and ending with a letter or digit.</summary>
    public static string? CheckBucket(string? bucket)
    {
        if (string.IsNullOrWhiteSpace(bucket))
            return "the bucket name is empty";
        if (bucket.Length is < 3 or > 63)
            return $"the bucket name '{Shorten(bucket)}' must be 3 to 63 characters long";
        if (bucket.AsSpan().IndexOfAnyExcept(BucketCharacters) >= 0 || !IsLowerLetterOrDigit(bucket[0]) || !IsLowerLetterOrDigit(bucket[^1]))
            return $"the bucket name '{Shorten(bucket)}' may hold only lowercase letters, digits, '.' and '-', and must start and end with a letter or digit";
        if (bucket.Contains("..", StringComparison.Ordinal) || bucket.Contains(".-", StringComparison.Ordinal) || bucket.Contains("-.", StringComparison.Ordinal))
            return $"the bucket name '{bucket}' must not have '..', '.-' or '-.'";
        if (LooksLikeIpAddress(bucket))
            return $"the bucket name '{bucket}' must not look like an IP address";
        return null;
    }

    /// <summary>A region is a non-empty word of lowercase letters, digits and '-' (for example us-east-1, auto).</summary>
    public static string? CheckRegion(string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
            return "the region is empty";
        if (region.AsSpan().IndexOfAnyExcept(RegionCharacters) >= 0 || !IsLowerLetterOrDigit(region[0]))
            return $"the region '{Shorten(region)}' may hold only lowercase letters, digits and '-' (for example us-east-1)";
        return null;
    }

    /// <summary>An access key id is a non-empty token without spaces.</summary>
    public static string? CheckAccessKeyId(string? accessKeyId, string label = "access key id")
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
            return $"the {label} is empty";
        if (accessKeyId.Any(char.IsWhiteSpace) || accessKeyId.Any(char.IsControl))
            return $"the {label} must not contain spaces or control characters";
        if (accessKeyId.Length > 256)
            return $"the {label} is longer than 256 characters";
        return null;
    }

    /// <summary>A secret is a non-empty token without spaces. The message never shows it.</summary>
    public static string? CheckSecret(string? secret, string label = "secret access key")
    {
        if (string.IsNullOrEmpty(secret))
            return $"the {label} is empty";
        if (secret.Any(char.IsWhiteSpace) || secret.Any(char.IsControl))
            return $"the {label} must not contain spaces or control characters";
        if (secret.Length > 512)
            return $"the {label} is longer than 512 characters";
        return null;
    }

    /// <summary>
    /// A session token goes into a request header (x-amz-security-token): printable ASCII without spaces,
    /// as every AWS token is, so a line break cannot add a header of its own. The message names
    /// <paramref name="source"/> (AWS_SESSION_TOKEN, a credentials file) and never shows the token.
    /// </summary>
    public static string? CheckSessionToken(string? token, string source)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return $"the session token from {source} must not contain spaces, line breaks or control characters";
        if (!Ascii.IsValid(token))
            return $"the session token from {source} holds characters outside ASCII, which no AWS session token has; set it again from your credentials";
        if (token.Length > 16 * 1024)
            return $"the session token from {source} is longer than 16384 characters";
        return null;
    }

    /// <summary>
    /// An object key: 1 to 1024 bytes of UTF-8 without control characters, not starting or ending
    /// with '/', and without empty, '.' or '..' parts (which URLs would rewrite).
    /// </summary>
    public static string? CheckObjectKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
            return "the file path in the bucket is empty";
        if (Encoding.UTF8.GetByteCount(key) > 1024)
            return "the file path in the bucket is longer than 1024 bytes";
        if (key.Any(char.IsControl))
            return "the file path in the bucket must not contain control characters";
        if (key.StartsWith('/'))
            return $"the file path in the bucket '{Shorten(key)}' must not start with '/'";
        // Valid in S3, but HTTP clients and proxies rewrite them, so the object would not be found at the key given.
        if (key.EndsWith('/'))
            return $"the file path in the bucket '{Shorten(key)}' must not end with '/' (that names a folder, not a file)";
        if (key.Contains("//", StringComparison.Ordinal))
            return $"the file path in the bucket '{Shorten(key)}' must not contain an empty folder name ('//')";
        if (key.Split('/').Any(part => part is "." or ".."))
            return $"the file path in the bucket '{Shorten(key)}' must not contain '.' or '..' as a folder or file name";
        return null;
    }

    /// <summary>An endpoint URL: see <see cref="S3Endpoint.TryParse"/>.</summary>
    public static string? CheckEndpointUrl(string? url)
    {
        S3Endpoint.TryParse(url, out var error);
        return error;
    }

    /// <summary>
    /// The check every service applies to <paramref name="field"/>; providers call it for the fields
    /// they have no rule of their own for. <paramref name="accessKeyLabel"/> and <paramref name="secretLabel"/>
    /// put messages in the provider's words.
    /// </summary>
    public static string? Check(SettingField field, string? value, string accessKeyLabel = "access key id", string secretLabel = "secret access key") => field switch
    {
        SettingField.Bucket => CheckBucket(value),
        SettingField.Region => CheckRegion(value),
        SettingField.AccessKeyId => CheckAccessKeyId(value, accessKeyLabel),
        SettingField.SecretAccessKey => CheckSecret(value, secretLabel),
        SettingField.EndpointUrl => CheckEndpointUrl(value),
        SettingField.Key => CheckObjectKey(value),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>
    /// Adds a problem for each of <paramref name="fields"/> whose value in <paramref name="input"/> fails
    /// <see cref="Check"/>.
    /// </summary>
    public static void CheckAll(SettingsInput input, ICollection<SettingProblem> problems, IEnumerable<SettingField> fields, string accessKeyLabel = "access key id", string secretLabel = "secret access key")
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var field in fields)
        {
            var message = Check(field, input.Get(field), accessKeyLabel, secretLabel);
            if (message is not null)
                problems.Add(new SettingProblem(field, message));
        }
    }

    /// <summary>
    /// For services that cannot work without an endpoint: adds <paramref name="missingMessage"/> when
    /// none is given, or the reason the given one is not usable.
    /// </summary>
    public static void RequireEndpoint(SettingsInput input, ICollection<SettingProblem> problems, string missingMessage)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(input.EndpointUrl))
            problems.Add(new SettingProblem(SettingField.EndpointUrl, missingMessage));
        else if (CheckEndpointUrl(input.EndpointUrl) is { } problem)
            problems.Add(new SettingProblem(SettingField.EndpointUrl, problem));
    }

    private static string Shorten(string value) => value.Length <= 70 ? value : value[..67] + "...";

    // Plain character checks rather than regular expressions: settings are checked on every sync,
    // and these keep the regex engine out of that path.
    private static readonly SearchValues<char> BucketCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-");
    private static readonly SearchValues<char> RegionCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static bool IsLowerLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    // Four dot-separated groups of one to three digits (192.168.1.1).
    private static bool LooksLikeIpAddress(string name)
    {
        var groups = name.Split('.');
        return groups.Length == 4 && groups.All(g => g.Length is >= 1 and <= 3 && g.All(char.IsAsciiDigit));
    }
}
