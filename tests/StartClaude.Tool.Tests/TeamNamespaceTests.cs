using System.Text.RegularExpressions;
using StartClaude.Core.ClaudeCode;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// A team's folders and MCP names are the team's from create or join on, not only once a kind is taken: a member
/// who puts the team's agent there first must not send it, or an MCP server's token, to their own remote.
/// </summary>
public class TeamNamespaceTests : DeviceTestBase
{
    private static Dictionary<string, string> User(TempHome device) => new() { ["HOME"] = Path.Combine(device.Folder, "user") };

    private static void PutItems(TempHome device)
    {
        var claude = Path.Combine(device.Folder, "user", ".claude");
        Directory.CreateDirectory(Path.Combine(claude, "agents", "acme"));
        File.WriteAllText(Path.Combine(claude, "agents", "acme", "reviewer.md"), "team prompt\n");
        File.WriteAllText(Path.Combine(claude, "agents", "mine.md"), "my prompt\n");
        File.WriteAllText(Path.Combine(device.Folder, "user", ".claude.json"),
            """{"mcpServers":{"acme-gateway":{"command":"gw","env":{"GATEWAY_TOKEN":"gw-secret-0123456789abcdef"}},"mine":{"command":"x"}}}""");
    }

    private async Task<IEnumerable<string>> PersonalItemsAsync(string key)
    {
        var bytes = await Server.ReadObjectAsync(Bucket, key);
        bytes.Should().NotBeNull();
        return ClaudeSection.LiveIds(ClaudeSection.Of(Document(bytes!).Root));
    }

    [Test]
    public async Task The_creators_own_sync_leaves_the_teams_folder_and_MCP_names_alone_before_any_kind_is_taken()
    {
        (await RunWith(DeviceA, User(DeviceA), [.. SetupArgs.For(Server, Bucket, extra: ["--claude-files", "agents,mcp-servers"])])).ExitCode.Should().Be(0);
        var create = await RunWith(DeviceA, User(DeviceA), "team", "create", "acme", "--name", "alice");
        create.ExitCode.Should().Be(0, create.ToString());
        PutItems(DeviceA);

        var sync = await RunWith(DeviceA, User(DeviceA), "s3-sync");

        sync.ExitCode.Should().Be(0, sync.ToString());
        (await PersonalItemsAsync("start-claude-config.json")).Should().BeEquivalentTo(["file:agents/mine.md", "mcp:mine"],
            "agents/acme/ and acme-… are team acme's on this machine, taken or not");
        (await RemoteTextAsync()).Should().NotContain("gw-secret");
    }

    [Test]
    public async Task A_joining_members_own_sync_leaves_the_teams_folder_alone_and_one_other_team_does_not_block_its_MCP_servers()
    {
        await SetUpSyncAsync(DeviceA);
        (await RunWith(DeviceB, User(DeviceB), [.. SetupArgs.For(Server, Bucket, key: "bob.json", extra: ["--claude-files", "agents,mcp-servers"])])).ExitCode.Should().Be(0);
        (await Run(DeviceA, "team", "create", "acme", "--name", "alice")).ExitCode.Should().Be(0);
        (await Run(DeviceA, "team", "create", "acme-dev", "--name", "alice")).ExitCode.Should().Be(0);
        var key = (await Run(DeviceB, "team", "key")).Output.Trim();
        foreach (var team in new[] { "acme", "acme-dev" })
        {
            var invite = await Run(DeviceA, "team", "invite", team, "--name", "bob", "--key", key);
            invite.ExitCode.Should().Be(0, invite.ToString());
            var id = Regex.Match(invite.Output, "--id ([0-9a-f]{64})").Groups[1].Value;
            var join = await RunWith(DeviceB, User(DeviceB), "team", "join", team, "--id", id);
            join.ExitCode.Should().Be(0, join.ToString());
        }
        PutItems(DeviceB);

        var sync = await RunWith(DeviceB, User(DeviceB), "s3-sync");
        File.Delete(Path.Combine(DeviceB.Folder, "user", ".claude.json"));
        var take = await RunWith(DeviceB, User(DeviceB), "team", "claude-files", "acme", "--set", "mcp-servers");

        sync.ExitCode.Should().Be(0, sync.ToString());
        (await PersonalItemsAsync("bob.json")).Should().BeEquivalentTo(["file:agents/mine.md", "mcp:mine"]);
        take.ExitCode.Should().Be(0, "acme-dev takes no MCP servers here, so no name could be either team's: " + take);
    }

    [Test]
    public async Task Leaving_a_team_whose_file_is_gone_still_clears_what_is_left_of_it_here()
    {
        (await RunWith(DeviceA, User(DeviceA), [.. SetupArgs.For(Server, Bucket, extra: ["--claude-files", "agents"])])).ExitCode.Should().Be(0);
        (await RunWith(DeviceA, User(DeviceA), "team", "create", "acme", "--name", "alice")).ExitCode.Should().Be(0);
        File.Exists(Path.Combine(DeviceA.Folder, "teams", "acme.json")).Should().BeTrue();
        File.Delete(Path.Combine(DeviceA.Folder, "teams", "acme.json"));

        var leave = await RunWith(DeviceA, User(DeviceA), "team", "leave", "acme");
        var again = await RunWith(DeviceA, User(DeviceA), "team", "leave", "acme");

        leave.ExitCode.Should().Be(0, leave.ToString());
        File.ReadAllText(Path.Combine(DeviceA.Folder, "config.json")).Should().NotContain("teamClaudeCode", "the team's place is no longer claimed");
        leave.Output.Should().NotContain("backups", "nothing was removed to keep");
        again.ExitCode.Should().Be(2);
        again.Error.Should().Contain("this machine is not in a team named acme");
    }
}
