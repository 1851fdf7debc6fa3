using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Wrong credentials against moto_server checking every signature.</summary>
public class DoctorCredentialTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    [Test]
    public async Task A_wrong_secret_is_a_problem_named_as_such()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));
        await SetUpSyncAsync(DeviceA);
        DeviceA.EditConfig(root => root["settings"]!["s3Sync"]!["secretAccessKey"] = "WRONG-secret-key-0123456789abcdefghijklm");

        var result = await Run(DeviceA, "doctor");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().MatchRegex(@"problem\s+Credentials and bucket: .*secret access key is wrong");
        result.Output.Should().Contain("fix: re-run start-claude s3-setup");
        result.All.Should().NotContain("WRONG-secret-key");
    }
}
