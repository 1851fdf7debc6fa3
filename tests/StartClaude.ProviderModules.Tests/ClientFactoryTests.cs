using Minio.DataModel.Args;
using StartClaude.Abstractions;
using StartClaude.Testing;

namespace StartClaude.ProviderModules.Tests;

/// <summary>Each provider's own MinIO client factory, on the wire.</summary>
public class ClientFactoryTests
{
    [Test]
    public async Task Amazon_S3_without_an_endpoint_uses_the_regional_endpoint_over_tls()
    {
        var handler = new RecordingHandler(forward: false);
        var settings = new S3SyncSettings("aws-s3", "my-bucket", "eu-west-1", "AKIAEXAMPLE", "secret", null, "k.json");
        var client = DiscoveredProviders.Get("aws-s3").ClientFactory.Create(settings, new HttpClient(handler));

        await client.BucketExistsAsync(new BucketExistsArgs().WithBucket("my-bucket"));

        handler.Requests.Should().NotBeEmpty();
        handler.Requests[0].RequestUri!.ToString().Should().StartWith("https://s3.eu-west-1.amazonaws.com/my-bucket");
        handler.CredentialScope().Should().Contain("/eu-west-1/s3/aws4_request");
    }

    [TestCase("aws-s3", "us-east-1")]
    [TestCase("cloudflare-r2", "auto")]
    [TestCase("backblaze-b2", "us-west-004")]
    [TestCase("s3-compatible", "us-east-1")]
    public async Task Every_factory_reaches_a_real_server_through_the_given_endpoint_and_signs_for_its_region(string id, string region)
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        var provider = DiscoveredProviders.Get(id);
        var settings = provider.Resolve(new SettingsInput(bucket, id == "backblaze-b2" ? "us-west-004" : null, server.AccessKeyId, server.SecretAccessKey, server.EndpointUrl, null)).Settings!;
        var handler = new RecordingHandler(forward: true);
        var client = provider.ClientFactory.Create(settings, new HttpClient(handler));

        var exists = await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket));

        exists.Should().BeTrue();
        handler.Requests[0].RequestUri!.ToString().Should().StartWith($"{server.EndpointUrl}/{bucket}");
        handler.CredentialScope().Should().Contain($"/{region}/s3/aws4_request");
    }
}
