using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Credentials, region and endpoint from the standard AWS sources when setup is not given them.</summary>
public class AwsSourcesSetupTests : DeviceTestBase
{
    [Test]
    public async Task Environment_credentials_and_endpoint_are_used_not_saved_and_status_names_them()
    {
        var aws = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = Server.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Server.SecretAccessKey,
            ["AWS_ENDPOINT_URL_S3"] = Server.EndpointUrl,
            ["AWS_REGION"] = "us-east-1",
        };
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));

        var setup = await RunWith(DeviceA, aws, "s3-setup", "--provider", "s3-compatible", "--bucket", Bucket);
        var sync = await RunWith(DeviceA, aws, "s3-sync");
        var status = await RunWith(DeviceA, aws, "s3-status");
        var withoutThem = await Run(DeviceA, "s3-status");

        setup.ExitCode.Should().Be(0, setup.ToString());
        setup.Output.Should().Contain("Not saved, read from the standard AWS sources at each run");
        var saved = DeviceA.ReadConfig();
        saved.Should().NotContain(Server.SecretAccessKey).And.NotContain("accessKeyId").And.NotContain("endpointUrl");
        sync.ExitCode.Should().Be(0, sync.ToString());
        status.Output.Should().Contain("(from AWS_ACCESS_KEY_ID)").And.Contain("(from AWS_ENDPOINT_URL_S3)").And.Contain("(from AWS_REGION)").And.Contain("Bucket:         " + Bucket);
        status.All.Should().NotContain(Server.SecretAccessKey);
        withoutThem.ExitCode.Should().Be(1);
        withoutThem.Error.Should().Contain("not usable").And.Contain("AWS");
    }

    [Test]
    public async Task A_profile_in_the_shared_files_is_used()
    {
        using var home = new TempHome();
        Directory.CreateDirectory(Path.Combine(home.Folder, ".aws"));
        File.WriteAllText(Path.Combine(home.Folder, ".aws", "credentials"), $"[sync]\naws_access_key_id = {Server.AccessKeyId}\naws_secret_access_key = {Server.SecretAccessKey}\n");
        File.WriteAllText(Path.Combine(home.Folder, ".aws", "config"), $"[profile sync]\nregion = us-east-1\nendpoint_url = {Server.EndpointUrl}\n");
        var aws = new Dictionary<string, string> { ["HOME"] = home.Folder, ["AWS_PROFILE"] = "sync" };

        var setup = await RunWith(DeviceA, aws, "s3-setup", "--provider", "s3-compatible", "--bucket", Bucket);
        var status = await RunWith(DeviceA, aws, "s3-status", "--json");

        setup.ExitCode.Should().Be(0, setup.ToString());
        setup.Error.Should().Contain("keep AWS_PROFILE=sync set", "issue 26 item 9: the profile is not remembered, so setup says it must stay set");
        status.ExitCode.Should().Be(0, status.ToString());
        status.Output.Should().Contain("credentials [sync]").And.Contain("config [profile sync]");
    }

    [Test]
    public async Task Flags_and_saved_values_win_over_the_AWS_sources()
    {
        var aws = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAOTHEROTHEROTHER1", ["AWS_SECRET_ACCESS_KEY"] = "other-secret", ["AWS_REGION"] = "eu-central-1" };
        await SetUpSyncAsync(DeviceA);

        var status = await RunWith(DeviceA, aws, "s3-status");

        status.ExitCode.Should().Be(0, status.ToString());
        status.Output.Should().Contain("Access key:").And.Contain("(from config.json)").And.NotContain("AWS_ACCESS_KEY_ID");
        status.Output.Should().Contain("Region:         us-east-1 (from config.json)");
    }
}
