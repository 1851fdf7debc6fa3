namespace StartClaude.Core.Remote;

/// <summary>What a failure message names: where the document is, whose key, how long a call may take, and the proxy requests go through.</summary>
public sealed record RemoteFailureContext(string Endpoint, string Bucket, string Key, string AccessKeyId, TimeSpan Timeout, ProxySettings? Proxy = null)
{
    public string Where => $"s3://{Bucket}/{Key} at {Endpoint}";
}
