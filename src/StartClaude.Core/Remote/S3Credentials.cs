namespace StartClaude.Core.Remote;

/// <summary>What a request is signed with: the access key pair, an optional session token, and the region signed for.</summary>
public sealed record S3Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, string Region)
{
    // The secret never reaches a log or a debugger's summary.
    public override string ToString() => $"S3Credentials {{ AccessKeyId = {Documents.SecretMask.Mask(AccessKeyId)}, Region = {Region} }}";
}
