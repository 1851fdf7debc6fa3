using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

/// <summary>The standard AWS sources in their documented order.</summary>
public class AwsSourcesTests
{
    private TempHome _home = null!;

    [SetUp]
    public void Create()
    {
        _home = new TempHome();
        Directory.CreateDirectory(Path.Combine(_home.Folder, ".aws"));
        File.WriteAllText(Path.Combine(_home.Folder, ".aws", "credentials"), """
            [default]
            aws_access_key_id = DEFAULTID
            aws_secret_access_key = defaultsecret

            [work]
            aws_access_key_id = WORKID
            aws_secret_access_key = worksecret
            aws_session_token = worktoken
            """);
        File.WriteAllText(Path.Combine(_home.Folder, ".aws", "config"), """
            [default]
            region = eu-west-1

            [profile work]
            region = ap-south-1
            endpoint_url = http://127.0.0.1:9000
            # comment
            """);
    }

    [TearDown]
    public void Remove() => _home.Dispose();

    private AwsValues Read(Dictionary<string, string> variables)
    {
        variables["HOME"] = _home.Folder;
        return new AwsSources(AppEnvironment.From(variables)).Read();
    }

    [Test]
    public void Environment_variables_come_first()
    {
        var values = Read(new() { ["AWS_ACCESS_KEY_ID"] = "ENVID", ["AWS_SECRET_ACCESS_KEY"] = "envsecret", ["AWS_SESSION_TOKEN"] = "envtoken", ["AWS_REGION"] = "us-west-2", ["AWS_DEFAULT_REGION"] = "us-east-2", ["AWS_ENDPOINT_URL_S3"] = "http://s3.local", ["AWS_ENDPOINT_URL"] = "http://all.local", ["AWS_PROFILE"] = "work" });

        values.AccessKeyId.Should().Be(new SourcedValue("ENVID", "AWS_ACCESS_KEY_ID"));
        values.SecretAccessKey!.Value.Should().Be("envsecret");
        values.SessionToken!.Value.Should().Be("envtoken");
        values.Region.Should().Be(new SourcedValue("us-west-2", "AWS_REGION"));
        values.EndpointUrl.Should().Be(new SourcedValue("http://s3.local", "AWS_ENDPOINT_URL_S3"));
    }

    [Test]
    public void The_profile_named_by_AWS_PROFILE_comes_from_the_files()
    {
        var values = Read(new() { ["AWS_PROFILE"] = "work", ["AWS_DEFAULT_REGION"] = "us-east-2" });

        values.AccessKeyId!.Value.Should().Be("WORKID");
        values.AccessKeyId.Source.Should().EndWith("credentials [work]");
        values.SessionToken!.Value.Should().Be("worktoken");
        values.Region.Should().Be(new SourcedValue("us-east-2", "AWS_DEFAULT_REGION"));
        values.EndpointUrl!.Value.Should().Be("http://127.0.0.1:9000");
        values.EndpointUrl.Source.Should().EndWith("config [profile work]");
    }

    [Test]
    public void Without_a_profile_the_default_one_is_read()
    {
        var values = Read([]);

        values.AccessKeyId!.Value.Should().Be("DEFAULTID");
        values.Region!.Value.Should().Be("eu-west-1");
        values.EndpointUrl.Should().BeNull();
    }

    [Test]
    public void Credentials_never_mix_sources()
    {
        // An id without its secret in the environment does not pair with the file's secret.
        var values = Read(new() { ["AWS_ACCESS_KEY_ID"] = "LONELYID" });

        values.AccessKeyId!.Value.Should().Be("DEFAULTID");
        values.SecretAccessKey!.Value.Should().Be("defaultsecret");
    }

    [Test]
    public void No_files_and_no_variables_give_nothing()
    {
        var values = new AwsSources(AppEnvironment.From(new Dictionary<string, string>())).Read();

        values.Should().Be(new AwsValues(null, null, null, null, null));
    }
}
