using System.Text;
using FluentAssertions;
using NUnit.Framework;
using StartClaude.Core.Encryption;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Testing;

namespace StartClaude.Core.Tests.Teams;

/// <summary>A document's serial only grows, so one member must not be able to push it past what every machine reads.</summary>
public class TeamSerialTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_member_who_jumps_the_serial_is_refused_and_the_team_recovers_by_replace()
    {
        var remote = new InMemoryRemoteDocument();
        var aliceKey = AgeIdentity.Generate();
        var bobKey = AgeIdentity.Generate();
        var created = MemberList.Create("acme", "alice", aliceKey, Now);
        var alice = new TeamMachine("alice", remote, TeamState.Created(created), aliceKey);
        alice.Seal.NewMembers = created.Append([.. created.Head.Members, new TeamMember("bob", bobKey.Recipient, false)], aliceKey, Now);
        alice.AddTeamConfig("gateway", "opus", teamDefault: true);
        await alice.SyncAsync();
        var bob = new TeamMachine("bob", remote, TeamState.Joining("acme", created.TeamId), bobKey);
        await bob.SyncAsync();

        // Bob's team file is his to edit: the next serial his machine writes is the one after whatever it says.
        var jumped = new TeamSeal(bob.Saved! with { Serial = bob.Saved!.Serial + 1_000_001 }, bobKey, _ => { })
            .Seal(Encoding.UTF8.GetBytes("{\"configs\":[],\"settings\":{}}"));
        remote.Put(jumped.Body, jumped.Metadata);

        var read = () => alice.SyncAsync();
        await read.Should().ThrowAsync<TeamException>().WithMessage("*jumps from serial *further than writes can*--replace*");
        await alice.Engine.RunOnceAsync(alice.Target(), new SyncRequest.Upload(Force: true), new ScriptedAnswerer());
        await bob.SyncAsync();
        bob.TeamConfigs().Should().Equal("gateway:opus");
    }
}
