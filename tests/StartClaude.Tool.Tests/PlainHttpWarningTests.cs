using StartClaude.Tool.Commands;

namespace StartClaude.Tool.Tests;

/// <summary>Plain http is warned about only when it leaves this machine.</summary>
public class PlainHttpWarningTests
{
    [TestCase("http://s3.example.com:9000")]
    [TestCase("http://10.0.0.5")]
    [TestCase("http://[2001:db8::1]:9000")]
    public void Plain_http_to_another_host_is_warned_about(string endpoint)
    {
        PlainHttpWarning.For(endpoint, encrypted: false).Should().Contain("plain http").And.Contain("API keys included").And.Contain("https");
        PlainHttpWarning.For(endpoint, encrypted: true).Should().Contain("plain http").And.NotContain("API keys included");
    }

    [TestCase("https://s3.example.com")]
    [TestCase("http://127.0.0.1:9000")]
    [TestCase("http://127.1.2.3")]
    [TestCase("http://localhost:9000")]
    [TestCase("http://[::1]:9000")]
    [TestCase(null)]
    public void Https_and_loopback_are_not(string? endpoint) =>
        PlainHttpWarning.For(endpoint, encrypted: false).Should().BeNull();
}
