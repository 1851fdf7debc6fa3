namespace StartClaude.Testing;

/// <summary>s3-setup flags for a loopback server.</summary>
public static class SetupArgs
{
    public static string[] For(LoopbackS3Server server, string bucket, string provider = "s3-compatible", string? secret = null, string? key = null, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(server);
        var args = new List<string>
        {
            "s3-setup", "--provider", provider, "--bucket", bucket,
            "--access-key-id", server.AccessKeyId,
            "--secret-access-key", secret ?? server.SecretAccessKey,
            "--endpoint-url", server.EndpointUrl,
        };
        if (provider == "backblaze-b2")
            args.AddRange(["--region", "us-west-004"]);
        if (key is not null)
            args.AddRange(["--key", key]);
        args.AddRange(extra);
        return [.. args];
    }
}
