using Microsoft.Extensions.DependencyInjection;
using Minio.DataModel.Args;
using StartClaude.Abstractions;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Testing;
using StartClaude.Tool.Composition;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Requests the MinIO SDK builds (a listing by prefix, which 7.0.0 signs wrongly for a key with '/')
/// are signed again on the wire from what is sent, so they pass a signature-checking server too.
/// </summary>
public class SdkRequestSigningTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    [TestCase("team/cfg.json")]
    [TestCase("deep/a b/ü+=,;@.json")]
    public async Task A_listing_by_a_prefix_with_a_slash_is_signed_correctly(string key)
    {
        var services = new ServiceCollection();
        ProviderModuleLoader.Register(services, AppContext.BaseDirectory, _ => { });
        using var provider = services.BuildServiceProvider();
        var factory = new RemoteStoreFactory(new ProviderCatalog(provider.GetServices<IStorageProvider>()), RemoteTimeouts.Default, AppEnvironment.From(new Dictionary<string, string>()));
        var store = factory.Create(new S3SyncSettings("s3-compatible", Bucket, "us-east-1", Server.AccessKeyId, Server.SecretAccessKey, Server.EndpointUrl, key));
        await store.WriteAsync("{}"u8.ToArray(), new WriteCondition.Unconditional());

        var keys = new List<string>();
        await foreach (var item in store.Client.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(Bucket).WithPrefix(key).WithRecursive(true)))
            keys.Add(item.Key);

        keys.Should().Equal(key);
        store.Recorder.Exchanges.Should().OnlyContain(e => e.Status == 200);
    }
}
