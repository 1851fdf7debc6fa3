using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Any valid S3 key works in every command against moto_server checking every SigV4 signature, and
/// the object lands at exactly that key (read back with the AWS CLI, in the Slow category).
/// </summary>
public class ObjectKeyTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    public static IEnumerable<TestCaseData> Keys()
    {
        yield return new TestCaseData("team/cfg.json").SetArgDisplayNames("slash");
        yield return new TestCaseData("deep/a b/ü+=,;@.json").SetArgDisplayNames("space-plus-equals-comma-semicolon-at-umlaut");
        yield return new TestCaseData(LongKey(1000)).SetArgDisplayNames("1000-bytes");
    }

    // Segments with '/', non-ASCII and reserved characters, 1,000 bytes of UTF-8 in all.
    private static string LongKey(int bytes)
    {
        var key = "long/ü-path/" + new string('k', bytes);
        while (System.Text.Encoding.UTF8.GetByteCount(key) > bytes - 5)
            key = key[..^1];
        key += ".json";
        System.Text.Encoding.UTF8.GetByteCount(key).Should().Be(bytes);
        return key;
    }

    [TestCaseSource(nameof(Keys))]
    public async Task Every_command_works_at_the_key(string key)
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        var setup = await Run(DeviceA, SetupArgs.For(Server, Bucket, key: key, extra: "--no-encrypt"));
        setup.ExitCode.Should().Be(0, setup.ToString());

        var upload = await Run(DeviceA, "s3-upload");
        upload.ExitCode.Should().Be(0, upload.ToString());
        var status = await Run(DeviceA, "s3-status");
        status.ExitCode.Should().Be(0, status.ToString());
        status.Output.Should().Contain("in sync");
        var sync = await Run(DeviceA, "s3-sync");
        sync.ExitCode.Should().Be(0, sync.ToString());

        var joined = await Run(DeviceB, SetupArgs.For(Server, Bucket, key: key, extra: "--no-encrypt"));
        joined.ExitCode.Should().Be(0, joined.ToString());
        var download = await Run(DeviceB, "s3-download", "-f");
        download.ExitCode.Should().Be(0, download.ToString());
        Document(DeviceB.ReadConfigBytes()).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }

    [TestCaseSource(nameof(Keys))]
    [Category("Slow")] // runs the aws CLI, which the fast set does not install
    public async Task Another_S3_client_finds_the_upload_at_the_key(string key)
    {
        AwsCli.Available.Should().BeTrue("the aws CLI is installed by scripts/test.sh");
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        var setup = await Run(DeviceA, SetupArgs.For(Server, Bucket, key: key, extra: "--no-encrypt"));
        setup.ExitCode.Should().Be(0, setup.ToString());
        var upload = await Run(DeviceA, "s3-upload");
        upload.ExitCode.Should().Be(0, upload.ToString());

        var atKey = await AwsCli.GetObjectAsync(Server, Bucket, key);
        Document(atKey).LiveConfigs.Select(c => c.Name).Should().Equal("work");
    }
}
