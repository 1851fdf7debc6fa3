using StartClaude.Abstractions;

namespace StartClaude.Providers.CloudflareR2;

public sealed class CloudflareR2Provider : IStorageProvider
{
    // R2 signs with the region "auto"; it accepts "us-east-1" as an alias, which the original tool suggested.
    public const string DefaultRegion = "auto";

    private const string AccessKeyLabel = "R2 Token (Access Key ID)";
    private const string SecretLabel = "R2 Secret";

    public string Id => "cloudflare-r2";

    public string DisplayName => "Cloudflare R2";

    public int Order => 20;

    public IReadOnlyList<PromptQuestion> PromptScript { get; } =
    [
        new(SettingField.Bucket, "Bucket name"),
        new(SettingField.AccessKeyId, AccessKeyLabel, Hint: "Create an R2 API token under R2 > Manage R2 API Tokens; it shows an Access Key ID and a Secret."),
        new(SettingField.SecretAccessKey, SecretLabel, IsSecret: true),
        new(SettingField.EndpointUrl, "R2 Endpoint URL", Hint: "https://<account-id>.r2.cloudflarestorage.com — the account id is on the R2 overview page of the Cloudflare dashboard."),
        new(SettingField.Key, "File path in bucket", SuggestedDefault: _ => S3SyncSettings.DefaultKey),
    ];

    public bool Recognizes(string? endpointUrl) =>
        S3Endpoint.TryParse(endpointUrl, out _) is { } e && e.Host.EndsWith(".r2.cloudflarestorage.com", StringComparison.OrdinalIgnoreCase);

    // Made when asked for: its type names MinIO's, so creating it at construction loads MinIO on every start.
    public IS3ClientFactory ClientFactory => new CloudflareR2ClientFactory();

    public string? CheckAnswer(SettingField field, string answer, SettingsInput answersSoFar) =>
        SettingRules.Check(field, answer, AccessKeyLabel, SecretLabel);

    public SettingsResolution Resolve(SettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = string.IsNullOrWhiteSpace(input.Region) ? DefaultRegion : input.Region.Trim();
        var key = string.IsNullOrWhiteSpace(input.Key) ? S3SyncSettings.DefaultKey : input.Key;
        var resolved = input with { Region = region, EndpointUrl = input.EndpointUrl?.Trim(), Key = key };

        var problems = new List<SettingProblem>();
        SettingRules.RequireEndpoint(resolved, problems, "Cloudflare R2 needs its endpoint URL, https://<account-id>.r2.cloudflarestorage.com");
        SettingRules.CheckAll(resolved, problems,
            [SettingField.Bucket, SettingField.Region, SettingField.AccessKeyId, SettingField.SecretAccessKey, SettingField.Key],
            AccessKeyLabel, SecretLabel);

        return SettingsResolution.Of(Id, resolved, problems) with { Warnings = HostWarning(resolved.EndpointUrl) };
    }

    // A proxy or a test server may stand in for Cloudflare R2; a typo in the host is likelier, so say it, but go on.
    private string[] HostWarning(string? endpointUrl) =>
        endpointUrl is not null && S3Endpoint.TryParse(endpointUrl, out _) is { } endpoint && !Recognizes(endpointUrl)
            ? [$"the endpoint host '{endpoint.Host}' is not Cloudflare R2's (<account-id>.r2.cloudflarestorage.com); if that is not a proxy or a test server on purpose, check the endpoint URL"]
            : [];
}
