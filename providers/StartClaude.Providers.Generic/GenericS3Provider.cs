using StartClaude.Abstractions;

namespace StartClaude.Providers.Generic;

/// <summary>Any S3-compatible service (MinIO, Ceph, Wasabi, a test server): an endpoint URL is required.</summary>
public sealed class GenericS3Provider : IStorageProvider
{
    public const string DefaultRegion = "us-east-1";

    public string Id => "s3-compatible";

    public string DisplayName => "Other S3-compatible service";

    public int Order => 40;

    public IReadOnlyList<PromptQuestion> PromptScript { get; } =
    [
        new(SettingField.Bucket, "Bucket name"),
        new(SettingField.Region, "Region", Hint: "Most self-hosted services accept us-east-1.", SuggestedDefault: _ => DefaultRegion),
        new(SettingField.AccessKeyId, "Access Key ID"),
        new(SettingField.SecretAccessKey, "Secret Access Key", IsSecret: true),
        new(SettingField.EndpointUrl, "Custom endpoint URL", Hint: "For example https://s3.example.com or http://127.0.0.1:9000"),
        new(SettingField.Key, "File path in bucket", SuggestedDefault: _ => S3SyncSettings.DefaultKey),
    ];

    // Last in order: any other endpoint is some S3-compatible service.
    public bool Recognizes(string? endpointUrl) => endpointUrl is not null;

    // Made when asked for: its type names MinIO's, so creating it at construction loads MinIO on every start.
    public IS3ClientFactory ClientFactory => new GenericS3ClientFactory();

    public string? CheckAnswer(SettingField field, string answer, SettingsInput answersSoFar) =>
        SettingRules.Check(field, answer);

    public SettingsResolution Resolve(SettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = string.IsNullOrWhiteSpace(input.Region) ? DefaultRegion : input.Region.Trim();
        var key = string.IsNullOrWhiteSpace(input.Key) ? S3SyncSettings.DefaultKey : input.Key;
        var resolved = input with { Region = region, EndpointUrl = input.EndpointUrl?.Trim(), Key = key };

        var problems = new List<SettingProblem>();
        SettingRules.RequireEndpoint(resolved, problems, "an S3-compatible service needs its endpoint URL");
        SettingRules.CheckAll(resolved, problems,
            [SettingField.Bucket, SettingField.Region, SettingField.AccessKeyId, SettingField.SecretAccessKey, SettingField.Key]);

        return SettingsResolution.Of(Id, resolved, problems);
    }
}
