using StartClaude.Core.Local;

namespace StartClaude.Core.Providers;

/// <summary>A value and where it came from, for s3-status ("AWS_REGION", "~/.aws/credentials [work]").</summary>
public sealed record SourcedValue(string Value, string Source);

/// <summary>What the standard AWS sources say, each value with its source.</summary>
public sealed record AwsValues(
    SourcedValue? AccessKeyId,
    SourcedValue? SecretAccessKey,
    SourcedValue? SessionToken,
    SourcedValue? Region,
    SourcedValue? EndpointUrl);

/// <summary>
/// The standard AWS configuration sources, in the AWS CLI's documented order: credentials from
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, else the profile (AWS_PROFILE, else
/// "default") in the shared credentials file, else in the config file; the region from AWS_REGION,
/// AWS_DEFAULT_REGION, else the profile's <c>region</c>; the endpoint from AWS_ENDPOINT_URL_S3,
/// AWS_ENDPOINT_URL, else the profile's <c>endpoint_url</c>. The files are AWS_SHARED_CREDENTIALS_FILE
/// and AWS_CONFIG_FILE, by default ~/.aws/credentials and ~/.aws/config.
/// </summary>
public sealed class AwsSources(AppEnvironment environment)
{
    /// <summary>
    /// The values asked for; the others are null. A file is read only when a value asked for may come from
    /// it: settings saved in config.json always win, so a file that cannot be read must not stop a command
    /// that needs nothing from it.
    /// </summary>
    public AwsValues Read(bool credentials = true, bool region = true, bool endpoint = true)
    {
        var profile = environment.Get("AWS_PROFILE") ?? "default";
        var home = environment.Get("HOME") ?? environment.Get("USERPROFILE");
        var credentialsPath = environment.Get("AWS_SHARED_CREDENTIALS_FILE") ?? (home is null ? null : Path.Combine(home, ".aws", "credentials"));
        var configPath = environment.Get("AWS_CONFIG_FILE") ?? (home is null ? null : Path.Combine(home, ".aws", "config"));
        var credentialsFile = new Lazy<Dictionary<string, string>>(() => Section(credentialsPath, profile));
        var configFile = new Lazy<Dictionary<string, string>>(() => Section(configPath, profile == "default" ? "default" : "profile " + profile));
        var credentialsLabel = $"{Label(credentialsPath, "credentials")} [{profile}]";
        var configLabel = $"{Label(configPath, "config")} [{(profile == "default" ? "default" : "profile " + profile)}]";

        SourcedValue? FromEnvironment(string name) => environment.Get(name) is { } value ? new SourcedValue(value, name) : null;
        SourcedValue? FromFile(Lazy<Dictionary<string, string>> section, string key, string label) =>
            section.Value.TryGetValue(key, out var value) && value.Length > 0 ? new SourcedValue(value, label) : null;

        // Credentials come as a set from one source: an id from one place and a secret from another never mix.
        SourcedValue? id, secret, token;
        if (!credentials)
            (id, secret, token) = (null, null, null);
        else if (FromEnvironment("AWS_ACCESS_KEY_ID") is { } envId && FromEnvironment("AWS_SECRET_ACCESS_KEY") is { } envSecret)
            (id, secret, token) = (envId, envSecret, FromEnvironment("AWS_SESSION_TOKEN"));
        else if (FromFile(credentialsFile, "aws_access_key_id", credentialsLabel) is { } fileId && FromFile(credentialsFile, "aws_secret_access_key", credentialsLabel) is { } fileSecret)
            (id, secret, token) = (fileId, fileSecret, FromFile(credentialsFile, "aws_session_token", credentialsLabel));
        else if (FromFile(configFile, "aws_access_key_id", configLabel) is { } configId && FromFile(configFile, "aws_secret_access_key", configLabel) is { } configSecret)
            (id, secret, token) = (configId, configSecret, FromFile(configFile, "aws_session_token", configLabel));
        else
            (id, secret, token) = (null, null, null);

        if (token is not null && Abstractions.SettingRules.CheckSessionToken(token.Value, token.Source) is { } tokenProblem)
            throw new Errors.UsageException(tokenProblem);
        if (credentials && id is null && environment.Get("AWS_PROFILE") is not null)
            RequireProfile(profile, credentialsPath, configPath, credentialsFile, configFile);

        var regionValue = region ? FromEnvironment("AWS_REGION") ?? FromEnvironment("AWS_DEFAULT_REGION") ?? FromFile(configFile, "region", configLabel) : null;
        var endpointValue = endpoint ? FromEnvironment("AWS_ENDPOINT_URL_S3") ?? FromEnvironment("AWS_ENDPOINT_URL") ?? FromFile(configFile, "endpoint_url", configLabel) : null;
        return new AwsValues(id, secret, token, regionValue, endpointValue);
    }

    // AWS_PROFILE set to a profile neither file has: say so, rather than that the access key id is empty.
    private static void RequireProfile(string profile, string? credentialsPath, string? configPath,
        Lazy<Dictionary<string, string>> credentialsFile, Lazy<Dictionary<string, string>> configFile)
    {
        if (credentialsFile.Value.Count > 0 || configFile.Value.Count > 0)
            return;
        throw new Errors.UsageException(
            $"AWS_PROFILE names the profile '{Documents.TerminalText.Escape(Shorten(profile))}', which has no settings in {Label(credentialsPath, "credentials")} or {Label(configPath, "config")}; "
            + "fix the name (aws configure list-profiles lists them) or unset AWS_PROFILE");
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..61] + "...";

    private static string Label(string? path, string name) => path ?? $"~/.aws/{name}";

    // The INI subset the AWS files use: [section], key = value, # and ; comments.
    private static Dictionary<string, string> Section(string? path, string wanted)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Not a regular file of sane size (a FIFO would block, /dev/zero never ends): as if absent.
        if (path is null || !Local.LocalFile.IsRegularWithin(path, 1024 * 1024))
            return values;
        try
        {
            return Read(path, wanted, values);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Errors.LocalConfigException($"cannot read {path}: {Local.LocalFile.Reason(ex)}", ex);
        }
    }

    private static Dictionary<string, string> Read(string path, string wanted, Dictionary<string, string> values)
    {
        string? current = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = string.Join(' ', line[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current == wanted && equals > 0 && !char.IsWhiteSpace(raw[0]))
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
        return values;
    }
}
