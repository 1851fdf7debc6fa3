using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using StartClaude.Core.Encryption;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Tests.Teams;

/// <summary>Reading a member list from a document: bounded work, however long the chain and whoever wrote it.</summary>
public class MemberListReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_chain_that_does_not_start_at_the_team_is_refused_before_the_rest_is_read()
    {
        var team = MemberList.Create("acme", "alice", AgeIdentity.Generate(), Now);
        var other = MemberList.Create("acme", "mallory", AgeIdentity.Generate(), Now.AddSeconds(1)).ToJson();
        var rest = (JsonObject)other[0]!.DeepClone();
        rest["seq"] = 1;
        rest["members"] = new JsonArray(new JsonObject { ["name"] = "x", ["key"] = "age1notakey", ["admin"] = true });
        other.Add(rest);

        var read = () => MemberList.FromJson("acme", other, team.TeamId, null, "the document");

        read.Should().Throw<TeamException>().WithMessage("the document is not team acme as this machine knows it*");
    }

    [Test]
    public void The_longest_chain_of_the_most_members_is_read_in_bounded_time()
    {
        // 256 versions of 100 members: the same 100 keys in each, so 25,600 keys to read and 100 to parse.
        var admin = AgeIdentity.Generate();
        var members = new List<TeamMember> { new("admin", admin.Recipient, true) };
        members.AddRange(Enumerable.Range(1, MemberList.MaxMembers - 1).Select(i => new TeamMember($"m{i}", AgeIdentity.Generate().Recipient, false)));
        var first = MemberListEntry.Create("acme", null, members, admin, Now);
        var chain = new JsonArray(first.ToJson());
        var previous = first;
        for (var seq = 1; seq < MemberList.MaxEntries; seq++)
        {
            // Unsigned past the first: reading stops at the first bad signature, after every entry was read.
            previous = new MemberListEntry(seq, previous.Id("acme"), Now, admin.Recipient.Fingerprint, members, new byte[64]);
            chain.Add(previous.ToJson());
        }
        var text = chain.ToJsonString();

        var clock = Stopwatch.StartNew();
        var read = () => MemberList.FromJson("acme", JsonNode.Parse(text), first.Id("acme"), null, "the document");

        read.Should().Throw<TeamException>().WithMessage("*member list version 1 does not carry a valid signature*");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "about 25,600 key parses took 4 to 14 s");
    }
}
