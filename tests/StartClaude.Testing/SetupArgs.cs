namespace StartClaude.Testing;

/// <summary>s3-setup flags for a loopback server.</summary>
public static class SetupArgs
{
    /// <param name="endpointUrl">Another endpoint than the server's (a proxy in front of it, or one that never answers).</param>
    public static string[] For(LoopbackS3Server server, string bucket, string provider = "s3-compatible", string? secret = null, string? key = null, string? endpointUrl = null, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(server);
        var args = new List<string>
        {
            "s3-setup", "--provider", provider, "--bucket", bucket,
            "--access-key-id", server.AccessKeyId,
            "--secret-access-key", secret ?? server.SecretAccessKey,
            "--endpoint-url", endpointUrl ?? server.EndpointUrl,
        };
        if (provider == "backblaze-b2")
            args.AddRange(["--region", "us-west-004"]);
        if (key is not null)
            args.AddRange(["--key", key]);
        args.AddRange(extra);
        return [.. args];
    }
}
