using System.Text;
using FluentAssertions;
using NUnit.Framework;
using StartClaude.Core.Documents;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Tests.Teams;

/// <summary>What <c>team remove</c> lists for rotation: every secret a removed member could read, masked, and nothing else.</summary>
public class TeamSecretsTests
{
    [Test]
    public void Keys_env_headers_secret_arguments_and_url_credentials_are_listed_masked()
    {
        var document = ConfigDocument.Parse(Encoding.UTF8.GetBytes("""
            {"configs":[{"id":"1","name":"gateway","apiKey":"sk-ant-api03-configkey0123456789","isDefault":true}],
             "claudeCode":{"mcpServers":{
               "db":{"value":{"command":"db-mcp","args":["--verbose","--api-key","dbsecret0123456789","--token=tok-abcdef0123456789","plain-arg"],
                              "env":{"DB_PASSWORD":"pw-0123456789abcdef"}}},
               "web":{"value":{"type":"http","url":"https://mcp.example.com/sse?key=urlsecret0123456789","headers":{"Authorization":"Bearer hdr-0123456789abcdef"}}},
               "gone":{"deleted":true}}}}
            """), "test");

        var lines = TeamSecrets.In(document);

        lines.Should().BeEquivalentTo([
            "config 'gateway': apiKey sk-ant-…6789",
            "MCP server 'db': env DB_PASSWORD pw-0…cdef",
            "MCP server 'db': argument --api-key dbse…6789",
            "MCP server 'db': argument --token tok-…6789",
            "MCP server 'web': headers Authorization Bear…cdef",
            "MCP server 'web': url query key=…6789",
        ]);
        string.Join("\n", lines).Should().NotContain("configkey").And.NotContain("dbsecret").And.NotContain("urlsecret").And.NotContain("plain-arg").And.NotContain("verbose");
    }
}
