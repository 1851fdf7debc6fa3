using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>Every command, in normal, verbose and failing paths, with known secrets: none may reach stdout or stderr.</summary>
public class SecretLeakTests : DeviceTestBase
{
    protected override bool VerifySignatures => true;

    private const string ApiKey = "sk-ant-api03-LEAKCHECKapikeyLEAKCHECKapikey-Zz99";
    private const string AuthToken = "tok-LEAKCHECKauthTOKENleakcheck-0001";
    private const string WrongSecret = "LEAKCHECKwrongSECRETleakcheckWRONG000000";
    private const string Passphrase = "LEAKCHECK passphrase leakcheck";
    private const string WrongPassphrase = "LEAKCHECK wrong passphrase";

    private readonly List<ToolResult> _results = [];

    private async Task<ToolResult> Step(TempHome device, params string[] args)
    {
        var result = await Run(device, args);
        _results.Add(result);
        return result;
    }

    private static string Document(string name, string model) =>
        "{\"configs\":[{\"name\":\"" + name + "\",\"apiKey\":\"" + ApiKey + "\",\"authToken\":\"" + AuthToken + "\",\"model\":\"" + model
        + "\",\"customHeaders\":\"x-key: " + ApiKey + "\"}],\"settings\":{}}";

    [Test]
    public async Task No_secret_reaches_the_output_of_any_command()
    {
        DeviceA.WriteConfig(Document("work", "a"));
        DeviceB.WriteConfig(Document("work", "b"));
        var verbose = "--verbose";

        // Normal and verbose paths.
        (await Step(DeviceA, [.. SetupArgs.For(Server, Bucket), verbose])).ExitCode.Should().Be(0);
        (await Step(DeviceA, "s3-upload", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "s3-status", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "s3-sync", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "s3-download", "-f", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "backups")).ExitCode.Should().Be(0);
        (await Step(DeviceA, "s3-history", "--changes", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "s3-restore", "null", "--dry-run", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "s3-sync", "--dry-run", verbose)).ExitCode.Should().Be(0);
        _results.Should().Contain(r => r.Error.Contains("http: GET", StringComparison.Ordinal), "--verbose shows the requests");

        // The config commands and a start (each change uploads at once, so they talk to the server too).
        using var claude = new StandInClaude();
        (await Step(DeviceA, "list", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "show", "work", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "add", "second", "--api-key", ApiKey, "--auth-token", AuthToken, verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "edit", "second", "--model", "m", verbose)).ExitCode.Should().Be(0);
        (await Step(DeviceA, "add", "SECOND", "--api-key", ApiKey, verbose)).ExitCode.Should().Be(2);
        (await Step(DeviceA, "show", "second", "--reveal")).ExitCode.Should().Be(2);
        _results.Add(await RunWith(DeviceA, claude.OnPath(), "second", verbose));
        _results[^1].ExitCode.Should().Be(0, _results[^1].ToString());
        _results.Add(await RunWith(DeviceA, claude.OnPath(), "doctor", verbose));
        _results[^1].Output.Should().Contain("Credentials and bucket", _results[^1].ToString());
        claude.Variables.Should().Contain("ANTHROPIC_API_KEY", ApiKey, "the key reaches claude, and only claude");
        (await Step(DeviceA, "remove", "second", "--yes", verbose)).ExitCode.Should().Be(0);

        // Encryption on: the passphrase from the environment, then a wrong one.
        var withPassphrase = new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = Passphrase };
        foreach (var args in new string[][] { [.. SetupArgs.For(Server, Bucket), "--encrypt", "--remember-passphrase", verbose], ["s3-status", verbose], ["s3-download", "-f", verbose] })
        {
            _results.Add(await RunWith(DeviceA, withPassphrase, args));
            _results[^1].ExitCode.Should().Be(0, _results[^1].ToString());
        }
        _results.Add(await RunWith(DeviceA, new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = WrongPassphrase }, [.. SetupArgs.For(Server, Bucket), "--encrypt", verbose]));
        _results[^1].ExitCode.Should().Be(1, _results[^1].ToString());
        (await Step(DeviceA, "show", "work")).ExitCode.Should().Be(0);
        (await Step(DeviceA, [.. SetupArgs.For(Server, Bucket), "--no-encrypt"])).ExitCode.Should().Be(0);

        // Failing paths: a conflict listing configs, a wrong secret, a secret with a space, a bad remote document.
        (await Step(DeviceB, [.. SetupArgs.For(Server, Bucket)])).ExitCode.Should().Be(0);
        (await Step(DeviceB, "s3-sync", verbose)).ExitCode.Should().Be(3);
        (await Step(DeviceB, "s3-download", verbose)).ExitCode.Should().Be(3);
        (await Step(DeviceB, [.. SetupArgs.For(Server, Bucket, secret: WrongSecret), "--yes", verbose])).ExitCode.Should().Be(1);
        (await Step(DeviceB, [.. SetupArgs.For(Server, Bucket, secret: "has space " + WrongSecret)])).ExitCode.Should().Be(2);
        DeviceB.WriteConfig(DeviceB.ReadConfig().Replace(Server.SecretAccessKey, WrongSecret, StringComparison.Ordinal));
        foreach (var command in new[] { "s3-sync", "s3-upload", "s3-status", "s3-history", "doctor" })
            (await Step(DeviceB, command, verbose)).ExitCode.Should().Be(1);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", System.Text.Encoding.UTF8.GetBytes("{\"configs\":[{\"name\":\"x\",\"apiKey\":\"" + ApiKey + "\",\"isDefault\":\"no\"}]}"));
        (await Step(DeviceA, "s3-download", "-f", verbose)).ExitCode.Should().Be(1);

        foreach (var result in _results)
        {
            foreach (var secret in new[] { ApiKey, AuthToken, Server.SecretAccessKey, WrongSecret, Server.AccessKeyId, Passphrase, WrongPassphrase })
                result.All.Should().NotContain(secret, $"no output may show a secret:\n{result}");
        }
        _results.Should().Contain(r => r.All.Contains("sk-ant-…Zz99", StringComparison.Ordinal), "keys are shown masked where a person needs to recognise them");
    }
}
