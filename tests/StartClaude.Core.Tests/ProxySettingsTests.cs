using StartClaude.Core.Errors;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

/// <summary>The proxy for an endpoint, chosen from the environment as the AWS CLI does.</summary>
public class ProxySettingsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void No_variable_means_no_proxy() =>
        ProxySettings.For(new Uri("https://s3.amazonaws.com"), Env()).Should().BeNull();

    [Test]
    public void Https_endpoints_use_HTTPS_PROXY_and_http_endpoints_HTTP_PROXY()
    {
        var env = Env(("HTTPS_PROXY", "http://secure:3128"), ("HTTP_PROXY", "http://plain:8080"));

        ProxySettings.For(new Uri("https://s3.amazonaws.com"), env)!.Address.Should().Be(new Uri("http://secure:3128"));
        ProxySettings.For(new Uri("http://127.0.0.1:9000"), env)!.Address.Should().Be(new Uri("http://plain:8080"));
    }

    [Test]
    public void The_lower_case_name_wins_and_a_value_without_a_scheme_means_http() =>
        ProxySettings.For(new Uri("https://s3.amazonaws.com"), Env(("https_proxy", "lower:1"), ("HTTPS_PROXY", "http://upper:2")))!
            .Address.Should().Be(new Uri("http://lower:1"));

    [Test]
    public void Credentials_in_the_proxy_URL_are_used_and_masked_for_display()
    {
        var proxy = ProxySettings.For(new Uri("https://s3.amazonaws.com"), Env(("HTTPS_PROXY", "http://alice:s%40cret@proxy.corp:3128")))!;

        proxy.Credentials!.UserName.Should().Be("alice");
        proxy.Credentials.Password.Should().Be("s@cret");
        proxy.Display.Should().EndWith(":***@proxy.corp:3128").And.NotContain("cret");
        proxy.Address.UserInfo.Should().BeEmpty();
    }

    [TestCase("*", "s3.amazonaws.com", true)]
    [TestCase("amazonaws.com", "s3.amazonaws.com", true)]
    [TestCase(".amazonaws.com", "s3.amazonaws.com", true)]
    [TestCase("*.amazonaws.com", "s3.amazonaws.com", true)]
    [TestCase("zonaws.com", "s3.amazonaws.com", false)]
    [TestCase("example.com, 127.0.0.1", "127.0.0.1", true)]
    [TestCase("127.0.0.1:9000", "127.0.0.1", true)]
    [TestCase("127.0.0.1:9001", "127.0.0.1", false)]
    [TestCase("S3.AMAZONAWS.COM", "s3.amazonaws.com", true)]
    public void NO_PROXY_names_hosts_their_subdomains_and_ports(string noProxy, string host, bool bypassed) =>
        ProxySettings.Bypassed(new Uri($"http://{host}:9000"), noProxy).Should().Be(bypassed);

    [Test]
    public void A_bypassed_host_gets_no_proxy() =>
        ProxySettings.For(new Uri("http://127.0.0.1:9000"), Env(("HTTP_PROXY", "http://p:1"), ("NO_PROXY", "127.0.0.1"))).Should().BeNull();

    [Test]
    public void An_unusable_proxy_value_is_a_usage_error_naming_the_variable() =>
        FluentActions.Invoking(() => ProxySettings.For(new Uri("https://s3.amazonaws.com"), Env(("HTTPS_PROXY", "ftp://x:1"))))
            .Should().Throw<UsageException>().WithMessage("HTTPS_PROXY*");
}
