using System.Text.RegularExpressions;
using StartClaude.Abstractions;

namespace StartClaude.Providers.BackblazeB2;

public sealed partial class BackblazeB2Provider : IStorageProvider
{
    private const string AccessKeyLabel = "Application Key ID";
    private const string SecretLabel = "Application Key";

    public string Id => "backblaze-b2";

    public string DisplayName => "Backblaze B2";

    public int Order => 30;

    public IReadOnlyList<PromptQuestion> PromptScript { get; } =
    [
        new(SettingField.Bucket, "Bucket name"),
        new(SettingField.Region, "Region", Hint: "The region in the bucket's S3 endpoint, for example us-west-004 (Buckets page of the B2 dashboard)."),
        new(SettingField.AccessKeyId, AccessKeyLabel, Hint: "Application keys are made on the Application Keys page of the B2 dashboard (the key is shown once)."),
        new(SettingField.SecretAccessKey, SecretLabel, IsSecret: true),
        new(SettingField.EndpointUrl, "B2 Endpoint URL", SuggestedDefault: answers => EndpointFor(answers.Region)),
        new(SettingField.Key, "File path in bucket", SuggestedDefault: _ => S3SyncSettings.DefaultKey),
    ];

    public bool Recognizes(string? endpointUrl) =>
        S3Endpoint.TryParse(endpointUrl, out _) is { } e && e.Host.EndsWith(".backblazeb2.com", StringComparison.OrdinalIgnoreCase);

    public KnownRegions Regions => BackblazeB2Regions.Known;

    // Made when asked for: its type names MinIO's, so creating it at construction loads MinIO on every start.
    public IS3ClientFactory ClientFactory => new BackblazeB2ClientFactory();

    /// <summary>B2's S3 endpoint for a region, or null when the region is not one.</summary>
    public static string? EndpointFor(string? region) =>
        SettingRules.CheckRegion(region) is null ? $"https://s3.{region}.backblazeb2.com" : null;

    /// <summary>The region named by a B2 endpoint host (s3.REGION.backblazeb2.com), or null.</summary>
    public static string? RegionOf(string? endpointUrl)
    {
        var endpoint = S3Endpoint.TryParse(endpointUrl, out _);
        if (endpoint is null)
            return null;
        var match = B2Host().Match(endpoint.Value.Host);
        return match.Success ? match.Groups["region"].Value : null;
    }

    public string? CheckAnswer(SettingField field, string answer, SettingsInput answersSoFar)
    {
        ArgumentNullException.ThrowIfNull(answersSoFar);
        var message = SettingRules.Check(field, answer, AccessKeyLabel, SecretLabel);
        if (message is null && field == SettingField.EndpointUrl)
            message = RegionMismatch(answersSoFar.Region, answer);
        return message;
    }

    public SettingsResolution Resolve(SettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var endpoint = string.IsNullOrWhiteSpace(input.EndpointUrl) ? null : input.EndpointUrl.Trim();
        var region = string.IsNullOrWhiteSpace(input.Region) ? RegionOf(endpoint) : input.Region.Trim();
        endpoint ??= EndpointFor(region);
        var key = string.IsNullOrWhiteSpace(input.Key) ? S3SyncSettings.DefaultKey : input.Key;
        var resolved = input with { Region = region, EndpointUrl = endpoint, Key = key };

        var problems = new List<SettingProblem>();
        if (string.IsNullOrWhiteSpace(region) && endpoint is null)
            problems.Add(new SettingProblem(SettingField.Region, "Backblaze B2 needs its region (for example us-west-004) or its endpoint URL https://s3.<region>.backblazeb2.com"));
        else if (string.IsNullOrWhiteSpace(region))
            problems.Add(new SettingProblem(SettingField.Region, "Backblaze B2 needs its region (for example us-west-004); it cannot be read from this endpoint URL"));
        else
            SettingRules.CheckAll(resolved, problems, [SettingField.Region, SettingField.EndpointUrl], AccessKeyLabel, SecretLabel);
        SettingRules.CheckAll(resolved, problems,
            [SettingField.Bucket, SettingField.AccessKeyId, SettingField.SecretAccessKey, SettingField.Key],
            AccessKeyLabel, SecretLabel);
        if (RegionMismatch(region, endpoint) is { } mismatch)
            problems.Add(new SettingProblem(SettingField.EndpointUrl, mismatch));

        return SettingsResolution.Of(Id, resolved, problems) with { Warnings = HostWarning(endpoint) };
    }

    // B2 rejects requests signed for another region than the endpoint's.
    private static string? RegionMismatch(string? region, string? endpointUrl)
    {
        var endpointRegion = RegionOf(endpointUrl);
        return endpointRegion is not null && !string.IsNullOrWhiteSpace(region) && endpointRegion != region.Trim()
            ? $"the endpoint is in region {endpointRegion} but the region given is {region.Trim()}"
            : null;
    }

    [GeneratedRegex(@"^s3\.(?<region>[a-z0-9-]+)\.backblazeb2\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex B2Host();

    // A proxy or a test server may stand in for Backblaze B2; a typo in the host is likelier, so say it, but go on.
    private string[] HostWarning(string? endpointUrl) =>
        endpointUrl is not null && S3Endpoint.TryParse(endpointUrl, out _) is { } endpoint && !Recognizes(endpointUrl)
            ? [$"the endpoint host '{endpoint.Host}' is not Backblaze B2's (s3.<region>.backblazeb2.com); if that is not a proxy or a test server on purpose, check the endpoint URL"]
            : [];
}
