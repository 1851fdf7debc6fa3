using System.Diagnostics;
using Minio;
using Minio.DataModel.Args;

namespace StartClaude.Testing;

/// <summary>A real S3 server process on 127.0.0.1, started and stopped by the tests.</summary>
public abstract class LoopbackS3Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    protected LoopbackS3Server(ProcessStartInfo start, int port, string accessKeyId, string secretAccessKey)
    {
        Port = port;
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string EndpointUrl => $"http://127.0.0.1:{Port}";

    public string AccessKeyId { get; protected set; }

    public string SecretAccessKey { get; protected set; }

    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    protected bool HasExited => _process.HasExited;

    protected Task WaitUntilReadyAsync(string what) =>
        FreePort.WaitUntilListeningAsync(Port, () => _process.HasExited, TimeSpan.FromSeconds(60), what);

    public IMinioClient Client() => new MinioClient()
        .WithEndpoint("127.0.0.1", Port)
        .WithCredentials(AccessKeyId, SecretAccessKey)
        .WithRegion("us-east-1")
        .WithSSL(false)
        .Build();

    public async Task<string> CreateBucketAsync(string? name = null)
    {
        var bucket = name ?? $"bucket-{Guid.NewGuid():N}"[..30];
        var client = Client();
        try
        {
            await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket)).ConfigureAwait(false);
            return bucket;
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>The object's bytes as the server holds them, or null.</summary>
    public async Task<byte[]?> ReadObjectAsync(string bucket, string key)
    {
        var client = Client();
        try
        {
            using var buffer = new MemoryStream();
            await client.GetObjectAsync(new GetObjectArgs().WithBucket(bucket).WithObject(key).WithCallbackStream(s => s.CopyTo(buffer))).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (Minio.Exceptions.ObjectNotFoundException)
        {
            return null;
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    public async Task PutObjectAsync(string bucket, string key, byte[] content)
    {
        var client = Client();
        try
        {
            using var stream = new MemoryStream(content);
            await client.PutObjectAsync(new PutObjectArgs().WithBucket(bucket).WithObject(key).WithStreamData(stream).WithObjectSize(content.Length)).ConfigureAwait(false);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>The object's bytes and its x-amz-meta-* metadata (names as the client reports them), or null.</summary>
    public async Task<(byte[] Content, IReadOnlyDictionary<string, string> Metadata)?> ReadObjectWithMetadataAsync(string bucket, string key)
    {
        var content = await ReadObjectAsync(bucket, key).ConfigureAwait(false);
        if (content is null)
            return null;
        var client = Client();
        try
        {
            var stat = await client.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(key)).ConfigureAwait(false);
            return (content, new Dictionary<string, string>(stat.MetaData, StringComparer.OrdinalIgnoreCase));
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>Puts an object with metadata (each name sent as x-amz-meta-NAME), as any S3 client can.</summary>
    public async Task PutObjectAsync(string bucket, string key, byte[] content, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var client = Client();
        try
        {
            using var stream = new MemoryStream(content);
            var headers = metadata.ToDictionary(m => m.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? m.Key : "x-amz-meta-" + m.Key, m => m.Value, StringComparer.OrdinalIgnoreCase);
            await client.PutObjectAsync(new PutObjectArgs().WithBucket(bucket).WithObject(key).WithStreamData(stream).WithObjectSize(content.Length).WithHeaders(headers)).ConfigureAwait(false);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>Cleans up what the server left behind once it has stopped.</summary>
    protected virtual void AfterStop()
    {
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (_log.Length < 1_000_000)
                _log.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
        AfterStop();
        GC.SuppressFinalize(this);
    }
}
