using StartClaude.Testing;

namespace StartClaude.ProviderModules.Tests;

/// <summary>Every provider's whole path — flags, validation, factory, commands — against moto_server.</summary>
public class ProviderRoundTripTests
{
    [TestCase("aws-s3")]
    [TestCase("cloudflare-r2")]
    [TestCase("backblaze-b2")]
    [TestCase("s3-compatible")]
    public async Task Setup_upload_and_download_on_a_second_device(string provider)
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var first = new TempHome();
        using var second = new TempHome();
        first.WriteConfig(SampleDocuments.WithUnknownFields);

        var setup = await ToolRun.RunAsync(first, null, SetupArgs.For(server, bucket, provider));
        var upload = await ToolRun.RunAsync(first, null, "s3-upload");
        var download = await ToolRun.RunAsync(second, null, SetupArgs.For(server, bucket, provider));
        var status = await ToolRun.RunAsync(second, null, "s3-status");

        setup.ExitCode.Should().Be(0, setup.ToString());
        upload.ExitCode.Should().Be(0, upload.ToString());
        download.ExitCode.Should().Be(0, download.ToString());
        status.Output.Should().Contain($"({provider})").And.Contain("in sync");
        var a = StartClaude.Core.Documents.ConfigDocument.Parse(first.ReadConfigBytes(), "a");
        var b = StartClaude.Core.Documents.ConfigDocument.Parse(second.ReadConfigBytes(), "b");
        a.SharesContentWith(b).Should().BeTrue();
        b.S3Sync!.ProviderId.Should().Be(provider);
    }
}
