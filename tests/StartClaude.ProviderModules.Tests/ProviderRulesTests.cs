using StartClaude.Abstractions;

namespace StartClaude.ProviderModules.Tests;

public class ProviderRulesTests
{
    private static readonly SettingsInput Complete = new("my-bucket", null, "AKIAEXAMPLE", "secret-value-123", null, null);

    [Test]
    public void The_host_discovers_the_four_providers_and_lists_them_in_order()
    {
        var catalog = new StartClaude.Core.Providers.ProviderCatalog(DiscoveredProviders.Every);

        catalog.All.Select(p => p.Id).Should().Equal("aws-s3", "cloudflare-r2", "backblaze-b2", "s3-compatible");
        catalog.All.Select(p => p.DisplayName).Should().Equal("Amazon S3", "Cloudflare R2", "Backblaze B2", "Other S3-compatible service");
    }

    [Test]
    public void Amazon_S3_defaults_region_and_key_and_needs_no_endpoint()
    {
        var resolution = DiscoveredProviders.Get("aws-s3").Resolve(Complete);

        resolution.IsValid.Should().BeTrue();
        resolution.Settings!.Region.Should().Be("us-east-1");
        resolution.Settings.Key.Should().Be("start-claude-config.json");
        resolution.Settings.EndpointUrl.Should().BeNull();
    }

    [Test]
    public void Cloudflare_R2_needs_an_endpoint_and_signs_for_auto()
    {
        var r2 = DiscoveredProviders.Get("cloudflare-r2");

        r2.Resolve(Complete).Problems.Should().ContainSingle(p => p.Field == SettingField.EndpointUrl && p.Message.Contains("r2.cloudflarestorage.com"));
        r2.Resolve(Complete with { EndpointUrl = "https://abc123.r2.cloudflarestorage.com" }).Settings!.Region.Should().Be("auto");
    }

    [Test]
    public void Backblaze_B2_derives_the_endpoint_from_the_region_and_the_region_from_the_endpoint()
    {
        var b2 = DiscoveredProviders.Get("backblaze-b2");

        b2.Resolve(Complete with { Region = "us-west-004" }).Settings!.EndpointUrl.Should().Be("https://s3.us-west-004.backblazeb2.com");
        b2.Resolve(Complete with { EndpointUrl = "https://s3.eu-central-003.backblazeb2.com" }).Settings!.Region.Should().Be("eu-central-003");
        b2.Resolve(Complete).Problems.Should().ContainSingle(p => p.Field == SettingField.Region);
        b2.Resolve(Complete with { Region = "us-west-004", EndpointUrl = "https://s3.eu-central-003.backblazeb2.com" }).Problems
            .Should().ContainSingle(p => p.Message.Contains("eu-central-003") && p.Message.Contains("us-west-004"));
    }

    [Test]
    public void An_S3_compatible_service_needs_an_endpoint()
    {
        var generic = DiscoveredProviders.Get("s3-compatible");

        generic.Resolve(Complete).Problems.Should().ContainSingle(p => p.Field == SettingField.EndpointUrl);
        generic.Resolve(Complete with { EndpointUrl = "http://127.0.0.1:9000" }).IsValid.Should().BeTrue();
    }

    [TestCase("aws-s3")]
    [TestCase("cloudflare-r2")]
    [TestCase("backblaze-b2")]
    [TestCase("s3-compatible")]
    public void Every_provider_refuses_bad_input_with_reasons(string id)
    {
        var resolution = DiscoveredProviders.Get(id).Resolve(new SettingsInput("Bad_Bucket", "us east", "", "", "ftp://x", "/abs"));

        resolution.IsValid.Should().BeFalse();
        resolution.Problems.Select(p => p.Field).Should().Contain([SettingField.Bucket, SettingField.AccessKeyId, SettingField.SecretAccessKey, SettingField.Key]);
    }

    [Test]
    public void Each_prompt_script_speaks_its_providers_words()
    {
        Labels("aws-s3").Should().Equal("Bucket name", "AWS Region", "AWS Access Key ID", "AWS Secret Access Key", "File path in bucket");
        Labels("cloudflare-r2").Should().Contain(["R2 Token (Access Key ID)", "R2 Secret", "R2 Endpoint URL"]);
        Labels("backblaze-b2").Should().Contain(["Application Key ID", "Application Key", "B2 Endpoint URL"]);
        Labels("s3-compatible").Should().Contain("Custom endpoint URL");
        DiscoveredProviders.Every.Should().OnlyContain(p => p.PromptScript.Single(q => q.Field == SettingField.SecretAccessKey).IsSecret);
        var b2Endpoint = DiscoveredProviders.Get("backblaze-b2").PromptScript.Single(q => q.Field == SettingField.EndpointUrl);
        b2Endpoint.SuggestedDefault!(new SettingsInput(Region: "us-west-004")).Should().Be("https://s3.us-west-004.backblazeb2.com");
    }

    [TestCase(null, "aws-s3")]
    [TestCase("https://s3.eu-west-1.amazonaws.com", "aws-s3")]
    [TestCase("https://abc.r2.cloudflarestorage.com", "cloudflare-r2")]
    [TestCase("https://s3.us-west-004.backblazeb2.com", "backblaze-b2")]
    [TestCase("http://127.0.0.1:9000", "s3-compatible")]
    public void Settings_written_by_the_original_tool_are_claimed_by_the_right_provider(string? endpoint, string id)
    {
        new StartClaude.Core.Providers.ProviderCatalog(DiscoveredProviders.Every).All.First(p => p.Recognizes(endpoint)).Id.Should().Be(id);
    }

    private static IEnumerable<string> Labels(string id) => DiscoveredProviders.Get(id).PromptScript.Select(q => q.Label);
}
