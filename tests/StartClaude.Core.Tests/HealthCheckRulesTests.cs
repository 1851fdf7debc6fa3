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
    public void The_proxy_is_chosen_by_scheme_and_skipped_for_hosts_no_proxy_lists()
    {
        var env = Environment(("HTTPS_PROXY", "http://user:pw@proxy:3128"), ("http_proxy", "http://plain:8080"), ("NO_PROXY", "localhost,.internal.example"));

        var https = ProxySetting.For(new Uri("https://s3.amazonaws.com/"), env);
        var http = ProxySetting.For(new Uri("http://minio.local:9000/"), env);
        var bypassed = ProxySetting.For(new Uri("https://s3.internal.example/"), env);

        https.Variable.Should().Be("HTTPS_PROXY");
        https.Shown.Should().Contain("proxy:3128").And.NotContain("pw").And.NotContain("user");
        http.Value.Should().Be("http://plain:8080");
        bypassed.Bypassed.Should().BeTrue();
        https.Bypassed.Should().BeFalse();
        ProxySetting.For(new Uri("http://x/"), Environment(("HTTP_PROXY", "not a url"))).IsValid.Should().BeFalse();
        ProxySetting.For(new Uri("http://x/"), Environment()).Variable.Should().BeNull();
    }
}
