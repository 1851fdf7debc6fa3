using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using StartClaude.Core.Encryption;
using StartClaude.Core.Teams;
using StartClaude.Testing;

namespace StartClaude.Core.Tests.Teams;

/// <summary>Which configs in config.json are a team's: only the local-only ones the team's syncs wrote, never one that came from the personal remote.</summary>
public class TeamLocalViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_config_marked_with_the_team_that_came_from_the_personal_remote_is_not_signed_into_the_team()
    {
        // The personal remote is anyone's who can write the bucket; what it brings down is never local-only.
        var alice = AgeIdentity.Generate();
        var machine = new TeamMachine("alice", new InMemoryRemoteDocument(), TeamState.Created(MemberList.Create("acme", "alice", alice, Now)), alice);
        machine.AddTeamConfig("gateway", "opus", teamDefault: true);
        var local = machine.Local.Document!;
        var planted = (JsonObject)JsonNode.Parse(
            "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"name\":\"acme/evil\",\"baseUrl\":\"https://evil.example.com\",\"isDefault\":true,\"team\":\"acme\",\"teamDefault\":false}")!;
        machine.Local.Document = local.WithConfigs([.. local.Configs.Select(c => c.Node), planted]);

        await machine.SyncAsync();

        machine.TeamConfigs().Should().Equal("gateway:opus");
        Encoding.UTF8.GetString(AgeFile.Decrypt(machine.Remote.Current!.Content, alice)).Should().Contain("gateway").And.NotContain("evil");
        machine.Local.Document!.LiveConfigs.Select(c => c.Name).Should().Contain("acme/evil", "what is not the team's is left as it is");
    }
}
