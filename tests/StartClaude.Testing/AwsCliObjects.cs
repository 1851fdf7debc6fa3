using System.Diagnostics;

namespace StartClaude.Testing;

/// <summary>
/// <c>aws s3api get-object</c>: reads one object at exactly the key given (no path rewriting as
/// <c>aws s3 cp</c> does), to prove what the tool wrote is where another S3 client looks for it.
/// </summary>
public static class AwsCliObjects
{
    public static async Task<byte[]> GetAsync(LoopbackS3Server server, string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(server);
        var target = Path.Combine(Path.GetTempPath(), $"aws-get-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("aws")
        {
            ArgumentList = { "s3api", "get-object", "--bucket", bucket, "--key", key, target, "--endpoint-url", server.EndpointUrl },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
        try
        {
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"aws s3api get-object {key} failed ({process.ExitCode}): {error}{await output.ConfigureAwait(false)}");
            return await File.ReadAllBytesAsync(target).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(target);
        }
    }
}
