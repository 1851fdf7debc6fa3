using StartClaude.Abstractions;

namespace StartClaude.Providers.AmazonS3;

public sealed class AmazonS3Provider : IStorageProvider
{
    public const string DefaultRegion = "us-east-1";

    public string Id => "aws-s3";

    public string DisplayName => "Amazon S3";

    public int Order => 10;

    public IReadOnlyList<PromptQuestion> PromptScript { get; } =
    [
        new(SettingField.Bucket, "Bucket name"),
        new(SettingField.Region, "AWS Region", SuggestedDefault: _ => DefaultRegion),
        new(SettingField.AccessKeyId, "AWS Access Key ID",
            Hint: "Keys are made in the AWS console: IAM, Users, your user, Security credentials, Create access key (the secret is shown once)."),
        new(SettingField.SecretAccessKey, "AWS Secret Access Key", IsSecret: true),
        new(SettingField.Key, "File path in bucket", SuggestedDefault: _ => S3SyncSettings.DefaultKey),
    ];

    public bool Recognizes(string? endpointUrl) =>
        endpointUrl is null || S3Endpoint.TryParse(endpointUrl, out _) is { } e && e.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase);

    public KnownRegions Regions => AmazonS3Regions.Known;

    // Made when asked for: its type names MinIO's, so creating it at construction loads MinIO on every start.
    public IS3ClientFactory ClientFactory => new AmazonS3ClientFactory();

    public string? CheckAnswer(SettingField field, string answer, SettingsInput answersSoFar) =>
        SettingRules.Check(field, answer, "AWS Access Key ID", "AWS Secret Access Key");

    public SettingsResolution Resolve(SettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = string.IsNullOrWhiteSpace(input.Region) ? DefaultRegion : input.Region.Trim();
        var endpoint = string.IsNullOrWhiteSpace(input.EndpointUrl) ? null : input.EndpointUrl.Trim();
        var key = string.IsNullOrWhiteSpace(input.Key) ? S3SyncSettings.DefaultKey : input.Key;
        var resolved = input with { Region = region, EndpointUrl = endpoint, Key = key };

        var problems = new List<SettingProblem>();
        SettingRules.CheckAll(resolved, problems,
            [SettingField.Bucket, SettingField.Region, SettingField.AccessKeyId, SettingField.SecretAccessKey, SettingField.Key],
            "AWS Access Key ID", "AWS Secret Access Key");
        // AWS needs no endpoint, but one may be given (VPC endpoints, test servers).
        if (endpoint is not null && SettingRules.CheckEndpointUrl(endpoint) is { } endpointProblem)
            problems.Add(new SettingProblem(SettingField.EndpointUrl, endpointProblem));

        return SettingsResolution.Of(Id, resolved, problems);
    }
}
