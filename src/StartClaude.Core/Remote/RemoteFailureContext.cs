namespace StartClaude.Core.Remote;

/// <summary>What a failure message names: where the document is, whose key, and how long a call may take.</summary>
public sealed record RemoteFailureContext(string Endpoint, string Bucket, string Key, string AccessKeyId, TimeSpan Timeout)
{
    public string Where => $"s3://{Bucket}/{Key} at {Endpoint}";
}
