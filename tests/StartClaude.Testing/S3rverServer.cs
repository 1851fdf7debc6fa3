using System.Diagnostics;
using System.Globalization;

namespace StartClaude.Testing;

/// <summary>
/// s3rver (npm) on 127.0.0.1: a second, looser S3 implementation (no signature checks, no conditional
/// writes). scripts/test.sh installs it under .tools/; S3RVER_BIN overrides where it is.
/// </summary>
public sealed class S3rverServer : LoopbackS3Server
{
    private readonly string _directory;

    private S3rverServer(ProcessStartInfo start, int port, string directory)
        : base(start, port, "S3RVER", "S3RVER") => _directory = directory;

    public static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("S3RVER_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var local = Path.Combine(ExecutableSearch.RepositoryRoot(), ".tools", "node_modules", ".bin", "s3rver");
        if (File.Exists(local))
            return local;
        return ExecutableSearch.OnPath("s3rver")
            ?? throw new InvalidOperationException("s3rver is not installed: run scripts/test.sh (it installs it into .tools/), or set S3RVER_BIN");
    }

    public static async Task<S3rverServer> StartAsync()
    {
        var port = FreePort.Next();
        var directory = Directory.CreateTempSubdirectory("s3rver-").FullName;
        var start = new ProcessStartInfo(FindExecutable());
        foreach (var arg in new[] { "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--directory", directory, "--silent" })
            start.ArgumentList.Add(arg);
        var server = new S3rverServer(start, port, directory);
        try
        {
            await server.WaitUntilReadyAsync("s3rver").ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override void AfterStop()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
