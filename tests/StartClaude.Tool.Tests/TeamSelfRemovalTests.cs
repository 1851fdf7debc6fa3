using System.Text.RegularExpressions;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>An admin removing their own key: the document would be signed by no member of its list, so every machine would refuse it.</summary>
public class TeamSelfRemovalTests : DeviceTestBase
{
    [Test]
    public async Task An_admin_cannot_remove_their_own_key_and_the_team_stays_readable()
    {
        await SetUpSyncAsync(DeviceA);
        await SetUpSyncAsync(DeviceB);
        var create = await Run(DeviceA, "team", "create", "acme", "--name", "alice");
        create.ExitCode.Should().Be(0, create.ToString());
        var key = (await Run(DeviceB, "team", "key")).Output.Trim();
        var invite = await Run(DeviceA, "team", "invite", "acme", "--name", "bob", "--key", key, "--admin");
        invite.ExitCode.Should().Be(0, invite.ToString());
        var id = Regex.Match(invite.Output, "--id ([0-9a-f]{64})").Groups[1].Value;

        var remove = await Run(DeviceA, "team", "remove", "acme", "alice", "--keep-old-versions");
        var join = await Run(DeviceB, "team", "join", "acme", "--id", id);

        remove.ExitCode.Should().Be(2, remove.ToString());
        remove.Error.Should().Contain("another admin removes alice");
        join.ExitCode.Should().Be(0, join.ToString());
        join.Output.Should().Contain("alice (admin), bob (admin)");
    }
}
