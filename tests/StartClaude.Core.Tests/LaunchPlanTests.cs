using System.Text;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Launch;

namespace StartClaude.Core.Tests;

public class LaunchPlanTests
{
    private static ConfigEntry Entry(string json) =>
        ConfigDocument.Parse(Encoding.UTF8.GetBytes($$"""{"configs":[{{json}}]}"""), "test").Configs[0];

    [Test]
    public void Every_known_field_becomes_its_documented_variable()
    {
        var config = Entry("""
            {"name":"all","apiKey":"sk-ant-key","authToken":"tok","baseUrl":"https://gw.example.com","model":"m",
             "smallFastModel":"h","customHeaders":"X-A: 1","httpProxy":"http://p:1","httpsProxy":"http://p:2",
             "bashDefaultTimeoutMs":1000,"mcpTimeout":5000,"maxOutputTokens":4096,"maxThinkingTokens":1024,
             "disableTelemetry":true,"disableAutoupdater":false,"useBedrock":true,"vertexRegion40Opus":"europe-west1",
             "unknownField":"kept, not exported"}
            """);

        var plan = LaunchPlan.For(config, LaunchOverrides.None, []);

        plan.Variables.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ANTHROPIC_API_KEY"] = "sk-ant-key",
            ["ANTHROPIC_AUTH_TOKEN"] = "tok",
            ["ANTHROPIC_BASE_URL"] = "https://gw.example.com",
            ["ANTHROPIC_MODEL"] = "m",
            ["ANTHROPIC_SMALL_FAST_MODEL"] = "h",
            ["ANTHROPIC_CUSTOM_HEADERS"] = "X-A: 1",
            ["HTTP_PROXY"] = "http://p:1",
            ["HTTPS_PROXY"] = "http://p:2",
            ["BASH_DEFAULT_TIMEOUT_MS"] = "1000",
            ["MCP_TIMEOUT"] = "5000",
            ["CLAUDE_CODE_MAX_OUTPUT_TOKENS"] = "4096",
            ["MAX_THINKING_TOKENS"] = "1024",
            ["DISABLE_TELEMETRY"] = "1",
            ["CLAUDE_CODE_USE_BEDROCK"] = "1",
            ["VERTEX_REGION_CLAUDE_4_0_OPUS"] = "europe-west1",
        });
    }

    [Test]
    public void Every_field_with_a_variable_maps_to_a_distinct_one() =>
        ConfigFields.All.Where(f => f.EnvironmentVariable is not null).Select(f => f.EnvironmentVariable).Should().OnlyHaveUniqueItems();

    [Test]
    public void Permission_mode_becomes_an_argument_before_the_pass_through_ones()
    {
        var plan = LaunchPlan.For(Entry("""{"name":"w","permissionMode":"acceptEdits"}"""), LaunchOverrides.None, ["-p", "hello world"]);

        plan.Arguments.Should().Equal("--permission-mode", "acceptEdits", "-p", "hello world");
    }

    [Test]
    public void A_permission_mode_passed_through_wins_over_the_configs()
    {
        var plan = LaunchPlan.For(Entry("""{"name":"w","permissionMode":"plan"}"""), LaunchOverrides.None, ["--permission-mode", "default"]);

        plan.Arguments.Should().Equal("--permission-mode", "default");
    }

    [Test]
    public void Overrides_win_over_the_config_and_e_wins_over_everything()
    {
        var config = Entry("""{"name":"w","apiKey":"sk-config","baseUrl":"https://a.example.com","model":"m1"}""");
        var overrides = new LaunchOverrides("sk-flag", "https://b.example.com", "m2", ["ANTHROPIC_MODEL=m3", "EXTRA=a=b"]);

        var plan = LaunchPlan.For(config, overrides, []);

        plan.Variables["ANTHROPIC_API_KEY"].Should().Be("sk-flag");
        plan.Variables["ANTHROPIC_BASE_URL"].Should().Be("https://b.example.com");
        plan.Variables["ANTHROPIC_MODEL"].Should().Be("m3");
        plan.Variables["EXTRA"].Should().Be("a=b");
    }

    [Test]
    public void Overrides_work_without_any_config()
    {
        var plan = LaunchPlan.For(null, new LaunchOverrides("sk-only", null, null, []), ["--help"]);

        plan.ConfigName.Should().BeNull();
        plan.Variables.Should().ContainKey("ANTHROPIC_API_KEY").WhoseValue.Should().Be("sk-only");
        plan.Arguments.Should().Equal("--help");
    }

    [TestCase("NOEQUALS")]
    [TestCase("=value")]
    [TestCase("1ABC=x")]
    [TestCase("A-B=x")]
    public void A_malformed_e_is_refused(string assignment) =>
        FluentActions.Invoking(() => LaunchPlan.For(null, new LaunchOverrides(null, null, null, [assignment]), []))
            .Should().Throw<UsageException>().WithMessage("-e takes NAME=VALUE*");

    [Test]
    public void A_malformed_base_url_override_is_refused() =>
        FluentActions.Invoking(() => LaunchPlan.For(null, new LaunchOverrides(null, "example.com", null, []), []))
            .Should().Throw<UsageException>().WithMessage("--base-url*");
}
