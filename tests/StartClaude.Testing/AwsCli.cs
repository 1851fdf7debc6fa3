using System.Diagnostics;

namespace StartClaude.Testing;

/// <summary>The AWS CLI (<c>aws</c>), for interop tests against a loopback server (installed by scripts/test.sh when missing).</summary>
public static class AwsCli
{
    public static bool Available => ExecutableSearch.OnPath("aws") is not null;

    /// <summary><c>aws s3 cp SOURCE TARGET --endpoint-url ...</c> with the server's credentials.</summary>
    public static Task CopyAsync(LoopbackS3Server server, string source, string target) =>
        RunAsync(server, $"s3 cp {source} {target}", "s3", "cp", source, target, "--only-show-errors");

    /// <summary>
    /// <c>aws s3api get-object</c>: reads one object at exactly the key given (no path rewriting as
    /// <c>aws s3 cp</c> does), to prove what the tool wrote is where another S3 client looks for it.
    /// </summary>
    public static async Task<byte[]> GetObjectAsync(LoopbackS3Server server, string bucket, string key)
    {
        var target = Path.Combine(Path.GetTempPath(), $"aws-get-{Guid.NewGuid():N}");
        try
        {
            await RunAsync(server, $"s3api get-object {key}", "s3api", "get-object", "--bucket", bucket, "--key", key, target).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(target).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(target);
        }
    }

    /// <summary><c>aws s3api put-object</c> of <paramref name="file"/> at exactly <paramref name="key"/>, with user metadata (names without x-amz-meta-).</summary>
    public static Task PutObjectAsync(LoopbackS3Server server, string bucket, string key, string file, IReadOnlyDictionary<string, string>? metadata = null)
    {
        string[] arguments = ["s3api", "put-object", "--bucket", bucket, "--key", key, "--body", file];
        if (metadata is { Count: > 0 })
            arguments = [.. arguments, "--metadata", string.Join(',', metadata.Select(m => $"{m.Key}={m.Value}"))];
        return RunAsync(server, $"s3api put-object {key}", arguments);
    }

    /// <summary><c>aws s3api list-object-versions</c> under <paramref name="prefix"/>: (key, version id, latest) newest first as the service lists them.</summary>
    public static async Task<IReadOnlyList<(string Key, string VersionId, bool IsLatest)>> ListVersionsAsync(LoopbackS3Server server, string bucket, string prefix)
    {
        var json = await RunAsync(server, "s3api list-object-versions", "s3api", "list-object-versions", "--bucket", bucket, "--prefix", prefix, "--output", "json").ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(json) || System.Text.Json.Nodes.JsonNode.Parse(json)?["Versions"] is not System.Text.Json.Nodes.JsonArray versions)
            return [];
        return [.. versions.Select(v => ((string)v!["Key"]!, (string)v["VersionId"]!, (bool)v["IsLatest"]!))];
    }

    /// <summary><c>aws s3api get-object --version-id</c>: one version's bytes and its user metadata.</summary>
    public static async Task<(byte[] Body, IReadOnlyDictionary<string, string> Metadata)> GetObjectVersionAsync(LoopbackS3Server server, string bucket, string key, string versionId)
    {
        var target = Path.Combine(Path.GetTempPath(), $"aws-get-{Guid.NewGuid():N}");
        try
        {
            var json = await RunAsync(server, $"s3api get-object {key}", "s3api", "get-object", "--bucket", bucket, "--key", key, "--version-id", versionId, "--output", "json", target).ConfigureAwait(false);
            var metadata = (System.Text.Json.Nodes.JsonNode.Parse(json)?["Metadata"] as System.Text.Json.Nodes.JsonObject ?? [])
                .ToDictionary(m => m.Key, m => (string)m.Value!, StringComparer.Ordinal);
            return (await File.ReadAllBytesAsync(target).ConfigureAwait(false), metadata);
        }
        finally
        {
            File.Delete(target);
        }
    }

    // With the server's credentials only: the developer's AWS settings and proxies stay out of it.
    private static async Task<string> RunAsync(LoopbackS3Server server, string what, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(server);
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(["--endpoint-url", server.EndpointUrl]))
            start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = server.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = server.SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment.Remove("AWS_PROFILE");
        foreach (var proxy in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy" })
            start.Environment.Remove(proxy);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start aws");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"aws {what} failed ({process.ExitCode}): {error}{await output.ConfigureAwait(false)}");
        return await output.ConfigureAwait(false);
    }
}
