namespace StartClaude.Abstractions;

/// <summary>
/// One machine's S3 sync settings, the <c>settings.s3Sync</c> object of config.json.
/// They never leave the machine.
/// </summary>
/// <param name="ProviderId">The <see cref="IStorageProvider.Id"/> of the service that holds the remote document.</param>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Region">The signing region (for example <c>us-east-1</c>, <c>auto</c> for R2).</param>
/// <param name="AccessKeyId">The access key id (not secret, but shown masked).</param>
/// <param name="SecretAccessKey">The secret access key; never printed.</param>
/// <param name="EndpointUrl">An absolute http(s) URL without a path, or null for the provider's default.</param>
/// <param name="Key">The object key of the remote document inside the bucket.</param>
public sealed record S3SyncSettings(
    string ProviderId,
    string Bucket,
    string Region,
    string AccessKeyId,
    string SecretAccessKey,
    string? EndpointUrl,
    string Key)
{
    /// <summary>The object key used when none is given.</summary>
    public const string DefaultKey = "start-claude-config.json";

    /// <summary>A temporary session token that goes with the access key (AWS STS), when there is one.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Never prints the secret, whatever logs the record.</summary>
    public override string ToString() =>
        $"S3SyncSettings {{ ProviderId = {ProviderId}, Bucket = {Bucket}, Region = {Region}, EndpointUrl = {EndpointUrl}, Key = {Key} }}";
}
