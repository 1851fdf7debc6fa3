using StartClaude.Core.Diagnostics;
using StartClaude.Core.Local;

namespace StartClaude.Core.Tests;

public class HealthCheckRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [TestCase(0, CheckStatus.Ok)]
    [TestCase(90, CheckStatus.Ok)]
    [TestCase(-300, CheckStatus.Warning)]
    [TestCase(14 * 60, CheckStatus.Warning)]
    [TestCase(16 * 60, CheckStatus.Problem)]
    [TestCase(-16 * 60, CheckStatus.Problem)]
    public void The_clock_is_judged_against_the_fifteen_minutes_signatures_allow(int serviceBehindSeconds, CheckStatus expected)
    {
        var result = ServiceChecks.ClockResult(Now.AddSeconds(-serviceBehindSeconds), Now);

        result.Status.Should().Be(expected);
        if (serviceBehindSeconds >= 60)
            result.Result.Should().Contain("ahead of the service");
        if (serviceBehindSeconds <= -60)
            result.Result.Should().Contain("behind the service");
    }

    [Test]
    public void No_date_header_cannot_be_judged()
    {
        ServiceChecks.ClockResult(null, Now).Status.Should().Be(CheckStatus.Warning);
    }

    private static AppEnvironment Environment(params (string Name, string Value)[] variables) =>
        AppEnvironment.From(variables.ToDictionary(v => v.Name, v => v.Value));

    [Test]
    public void The_proxy_is_the_one_the_wire_uses_masked_and_skipped_for_hosts_no_proxy_lists()
    {
        var env = Environment(("HTTPS_PROXY", "http://user:pw@proxy:3128"), ("http_proxy", "http://plain:8080"), ("NO_PROXY", "localhost,.internal.example"));

        var https = ServiceChecks.ProxyResult(new Uri("https://s3.amazonaws.com/"), env.Get);
        var http = ServiceChecks.ProxyResult(new Uri("http://minio.local:9000/"), env.Get);
        var bypassed = ServiceChecks.ProxyResult(new Uri("https://s3.internal.example/"), env.Get);
        var invalid = ServiceChecks.ProxyResult(new Uri("http://x/"), Environment(("HTTP_PROXY", "not a url")).Get);

        https.Status.Should().Be(CheckStatus.Ok);
        https.Result.Should().Contain("proxy:3128").And.NotContain("pw");
        http.Result.Should().Contain("plain:8080");
        bypassed.Result.Should().Contain("reached directly");
        invalid.Status.Should().Be(CheckStatus.Problem);
        invalid.Result.Should().Contain("HTTP_PROXY").And.NotContain("not a url");
        ServiceChecks.ProxyResult(new Uri("http://x/"), Environment().Get).Result.Should().Contain("reached directly");
    }
}
