using System.Diagnostics;

namespace StartClaude.Testing;

/// <summary>The AWS CLI (<c>aws</c>), for interop tests against a loopback server (installed by .ci/run when missing).</summary>
public static class AwsCli
{
    public static bool Available => ExecutableSearch.OnPath("aws") is not null;

    /// <summary><c>aws s3 cp SOURCE TARGET --endpoint-url ...</c> with the server's credentials.</summary>
    public static async Task CopyAsync(LoopbackS3Server server, string source, string target)
    {
        ArgumentNullException.ThrowIfNull(server);
        var start = new ProcessStartInfo("aws")
        {
            ArgumentList = { "s3", "cp", source, target, "--endpoint-url", server.EndpointUrl, "--only-show-errors" },
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start aws");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"aws s3 cp {source} {target} failed ({process.ExitCode}): {error}{await output.ConfigureAwait(false)}");
    }
}
