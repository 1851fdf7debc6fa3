using System.Net.Http;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>What start-claude writes, other S3 tools read unchanged, and the other way round.</summary>
[Category("Slow")] // runs the aws CLI
public class InteropTests : DeviceTestBase
{
    private const string Key = "start-claude-config.json";

    private byte[] ExpectedRemoteBytes(TempHome device) => Document(device.ReadConfigBytes()).ForRemote().ToUtf8Bytes();

    [Test]
    public async Task The_aws_CLI_reads_back_what_start_claude_uploaded_byte_for_byte()
    {
        AwsCli.Available.Should().BeTrue("the aws CLI is installed by scripts/test.sh");
        DeviceA.WriteConfig(SampleDocuments.WithUnknownFields);
        await SetUpSyncAsync(DeviceA);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        using var scratch = new TempHome();
        var copy = Path.Combine(scratch.Folder, "copy.json");

        await AwsCli.CopyAsync(Server, $"s3://{Bucket}/{Key}", copy);

        (await File.ReadAllBytesAsync(copy)).Should().Equal(ExpectedRemoteBytes(DeviceA));
    }

    [Test]
    public async Task A_document_put_by_the_aws_CLI_is_downloaded_correctly()
    {
        AwsCli.Available.Should().BeTrue("the aws CLI is installed by scripts/test.sh");
        using var scratch = new TempHome();
        var source = Path.Combine(scratch.Folder, "from-aws.json");
        await File.WriteAllTextAsync(source, SampleDocuments.WithUnknownFields);
        await AwsCli.CopyAsync(Server, source, $"s3://{Bucket}/{Key}");
        await SetUpSyncAsync(DeviceB);

        var download = await Run(DeviceB, "s3-download", "-f");

        download.ExitCode.Should().Be(0, download.ToString());
        Document(DeviceB.ReadConfigBytes()).SharesContentWith(Document(System.Text.Encoding.UTF8.GetBytes(SampleDocuments.WithUnknownFields))).Should().BeTrue();
    }

    [Test]
    public async Task A_plain_GET_on_s3rver_returns_what_start_claude_uploaded()
    {
        await using var s3rver = await S3rverServer.StartAsync();
        var bucket = await s3rver.CreateBucketAsync();
        DeviceA.WriteConfig(SampleDocuments.WithUnknownFields);
        (await Run(DeviceA, SetupArgs.For(s3rver, bucket))).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-upload")).ExitCode.Should().Be(0);
        using var http = new HttpClient();

        // s3rver checks no signature: an unsigned GET is what any plain HTTP client would send.
        var body = await http.GetByteArrayAsync(new Uri($"{s3rver.EndpointUrl}/{bucket}/{Key}"));

        body.Should().Equal(ExpectedRemoteBytes(DeviceA));
    }
}
