using System.Text.Json.Nodes;
using Minio.DataModel.Args;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// s3-history, s3-restore and doctor at keys the MinIO SDK signed wrongly (issue 22 item 4), against moto_server
/// checking every signature with S3's canonicalization (tests/tools/moto_s3_signing.py), bucket versioning on:
/// every request that names the object goes through the tool's own wire.
/// </summary>
public class AnyKeyHistoryTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    public static IEnumerable<TestCaseData> Keys()
    {
        yield return new TestCaseData("a+b.json").SetArgDisplayNames("plus");
        yield return new TestCaseData("deep/a b/ü+=,;@.json").SetArgDisplayNames("space-plus-equals-comma-semicolon-at-umlaut");
        yield return new TestCaseData(LongKey(1000)).SetArgDisplayNames("1000-bytes");
    }

    private static string LongKey(int bytes)
    {
        var key = "long/ü+(x)/" + new string('k', bytes);
        while (System.Text.Encoding.UTF8.GetByteCount(key) > bytes - 5)
            key = key[..^1];
        return key + ".json";
    }

    private async Task EnableVersioningAsync()
    {
        var client = Server.Client();
        try
        {
            await client.SetVersioningAsync(new SetVersioningArgs().WithBucket(Bucket).WithVersioningEnabled());
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    private async Task<JsonObject> HistoryAsync(TempHome device)
    {
        var result = await Run(device, "s3-history", "--json");
        result.ExitCode.Should().Be(0, result.ToString());
        return JsonNode.Parse(result.Output)!.AsObject();
    }

    // Three versions at the key: work; work + home; work with a model.
    private async Task ThreeVersionsAsync(string key)
    {
        await EnableVersioningAsync();
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await Run(DeviceA, SetupArgs.For(Server, Bucket, key: key, extra: ["--no-encrypt", "--device-name", "laptop"]))).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "add", "home", "--api-key", "sk-ant-api03-home-SECRETSECRET-h0mE")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "edit", "work", "--model", "claude-opus-4")).ExitCode.Should().Be(0);
    }

    [TestCaseSource(nameof(Keys))]
    public async Task History_lists_every_version_at_the_key(string key)
    {
        await ThreeVersionsAsync(key);

        var json = await HistoryAsync(DeviceA);
        var plain = await Run(DeviceA, "s3-history");

        json["versioning"]!.GetValue<string>().Should().Be("enabled");
        var versions = json["versions"]!.AsArray();
        versions.Select(v => v!["configs"]!.GetValue<int>()).Should().Equal(2, 2, 1);
        versions.Select(v => v!["device"]!.GetValue<string>()).Should().Equal("laptop", "laptop", "laptop");
        versions.Select(v => v!["isLatest"]!.GetValue<bool>()).Should().Equal(true, false, false);
        versions.Select(v => v!["detailsRead"]!.GetValue<bool>()).Should().AllBeEquivalentTo(true);
        plain.Error.Should().NotContain("versioning is off");
        plain.Output.Should().NotContain("There is no remote document").And.Contain("laptop");
    }

    [TestCaseSource(nameof(Keys))]
    public async Task Restoring_the_oldest_version_makes_it_the_current_remote_content(string key)
    {
        await ThreeVersionsAsync(key);
        var oldest = (await HistoryAsync(DeviceA))["versions"]!.AsArray()[^1]!["versionId"]!.GetValue<string>();

        var restore = await Run(DeviceA, "s3-restore", oldest, "--yes");

        restore.ExitCode.Should().Be(0, restore.ToString());
        var versions = (await HistoryAsync(DeviceA))["versions"]!.AsArray();
        versions.Should().HaveCount(4, "a restore writes a new version");
        versions[0]!["configs"]!.GetValue<int>().Should().Be(1);
        // What the remote now holds, read by a second home joining at the key.
        (await Run(DeviceB, SetupArgs.For(Server, Bucket, key: key, extra: "--no-encrypt"))).ExitCode.Should().Be(0);
        var configs = Document(DeviceB.ReadConfigBytes()).LiveConfigs;
        configs.Select(c => c.Name).Should().Equal("work");
        configs[0].Model.Should().BeNull("the oldest version is from before the model was set");
    }

    [TestCaseSource(nameof(Keys))]
    public async Task Doctor_sees_versioning_on_at_the_key(string key)
    {
        await ThreeVersionsAsync(key);

        var result = await Run(DeviceA, "doctor", "--json");

        var checks = JsonNode.Parse(result.Output)!["checks"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!);
        checks["versioning"]["status"]!.GetValue<string>().Should().Be("ok", result.ToString());
        checks["versioning"]["result"]!.GetValue<string>().Should().StartWith("on:");
        checks["credentials"]["status"]!.GetValue<string>().Should().Be("ok", result.ToString());
    }

    [Test]
    public async Task Without_versioning_the_current_document_is_labelled_from_its_own_details()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await Run(DeviceA, SetupArgs.For(Server, Bucket, key: "a+b.json", extra: ["--no-encrypt", "--device-name", "laptop"]))).ExitCode.Should().Be(0);
        (await Run(DeviceA, "s3-sync")).ExitCode.Should().Be(0);

        var json = await HistoryAsync(DeviceA);
        var plain = await Run(DeviceA, "s3-history");

        json["versioning"]!.GetValue<string>().Should().Be("off");
        var only = json["versions"]!.AsArray().Should().ContainSingle().Subject!;
        only["versionId"]!.GetValue<string>().Should().Be("null");
        only["device"]!.GetValue<string>().Should().Be("laptop");
        only["configs"]!.GetValue<int>().Should().Be(1);
        plain.Output.Should().NotContain("(not recorded)");
    }
}
