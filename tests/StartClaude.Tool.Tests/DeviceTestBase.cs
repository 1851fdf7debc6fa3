using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Each test gets a fresh bucket on the shared moto_server and two devices (homes).</summary>
public abstract class DeviceTestBase
{
    protected MotoServer Server { get; private set; } = null!;

    protected string Bucket { get; private set; } = null!;

    protected TempHome DeviceA { get; private set; } = null!;

    protected TempHome DeviceB { get; private set; } = null!;

    protected virtual bool VerifySignatures => false;

    [SetUp]
    public async Task CreateDevicesAsync()
    {
        Server = VerifySignatures ? await SharedServers.SigningMotoAsync() : await SharedServers.MotoAsync();
        Bucket = await Server.CreateBucketAsync();
        DeviceA = new TempHome();
        DeviceB = new TempHome();
    }

    [TearDown]
    public void RemoveDevices()
    {
        DeviceA.Dispose();
        DeviceB.Dispose();
    }

    protected Task<ToolResult> Run(TempHome device, params string[] args) => ToolRun.RunAsync(device, null, args);

    protected Task<ToolResult> RunWith(TempHome device, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        ToolRun.RunAsync(device, variables, args);

    protected async Task SetUpSyncAsync(TempHome device, string provider = "s3-compatible")
    {
        var result = await Run(device, SetupArgs.For(Server, Bucket, provider));
        result.ExitCode.Should().Be(0, result.ToString());
    }

    protected Task<byte[]?> RemoteBytesAsync(string key = "start-claude-config.json") => Server.ReadObjectAsync(Bucket, key);

    protected async Task<string> RemoteTextAsync()
    {
        var bytes = await RemoteBytesAsync();
        bytes.Should().NotBeNull("the remote document should exist");
        return System.Text.Encoding.UTF8.GetString(bytes!);
    }

    protected static StartClaude.Core.Documents.ConfigDocument Document(byte[] bytes) =>
        StartClaude.Core.Documents.ConfigDocument.Parse(bytes, "test");
}
