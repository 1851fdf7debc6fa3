using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using NUnit.Framework;
using StartClaude.Core.Encryption;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Tests.Teams;

/// <summary>The member list chain: its signed form (docs/teams.md), and every way a chain read from a bucket is refused.</summary>
public class MemberListTests
{
    // Two identities from age-keygen (test keys, nowhere else), so the statement below is a fixed vector.
    private static readonly AgeIdentity Alice = AgeIdentity.Parse("AGE-SECRET-KEY-1ERJ5ZXZJQNZPDUCK7DWTPC99E0ZMR0U5ZZ322M5E0XMAQ38CH8SSNGAV26");
    private static readonly AgeIdentity Bob = AgeIdentity.Parse("AGE-SECRET-KEY-1H7E7A83WJQW3FU58U37VNQTJK6VKLDHCT8EM03Q6W4ETDL2MXZEQU88X32");
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static string Fingerprint(string recipient) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(recipient))[..12]);

    private static MemberList TwoMembers() =>
        MemberList.Create("acme", "alice", Alice, Noon).Append([new TeamMember("alice", Alice.Recipient, true), new TeamMember("bob", Bob.Recipient, false)], Alice, Noon.AddMinutes(1));

    [Test]
    public void The_first_list_is_signed_over_this_exact_statement_and_its_hash_is_the_team_id()
    {
        var list = MemberList.Create("acme", "alice", Alice, Noon);
        var statement = Encoding.UTF8.GetString(list.Head.Statement("acme"));

        statement.Should().Be(
            "start-claude team members v1\n" +
            "team acme\n" +
            "seq 0\n" +
            "prev -\n" +
            "at 2026-12-06T12:00:00Z\n" +
            $"by {Fingerprint("age1ufx3t3pfgqqpgesgy6e9sazeqe5nryqs0yprnuu2raes4gfsxeeqgvrvks")}\n" +
            "member admin alice age1ufx3t3pfgqqpgesgy6e9sazeqe5nryqs0yprnuu2raes4gfsxeeqgvrvks\n");
        list.TeamId.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(statement))));
        Alice.Recipient.Verify(Encoding.UTF8.GetBytes(statement), list.Head.Signature).Should().BeTrue();
    }

    [Test]
    public void A_later_list_names_the_one_before_and_a_chain_read_back_verifies()
    {
        var list = TwoMembers();
        list.Head.Prev.Should().Be(list.TeamId);
        list.Head.Seq.Should().Be(1);

        var read = MemberList.FromJson("acme", list.ToJson(), list.TeamId, (0, list.TeamId), "test");

        read.HeadId.Should().Be(list.HeadId);
        read.Head.Members.Select(m => m.Name).Should().Equal("alice", "bob");
    }

    [Test]
    public void A_member_who_is_not_an_admin_cannot_change_the_list()
    {
        var list = TwoMembers();
        var carol = AgeIdentity.Generate();

        var append = () => list.Append([.. list.Head.Members, new TeamMember("carol", carol.Recipient, true)], Bob, Noon);
        append.Should().Throw<TeamException>().WithMessage("*only an admin*");

        // Signed by bob anyway and put in a chain: every reader refuses it.
        var forged = MemberListEntry.Create("acme", list.Head, [.. list.Head.Members, new TeamMember("carol", carol.Recipient, true)], Bob, Noon);
        var verify = () => MemberList.Verify("acme", [.. list.Entries, forged], list.TeamId, null, "the document");
        verify.Should().Throw<TeamException>().WithMessage("*version 2 is signed by*who is not an admin of the list before it*");
    }

    [Test]
    public void A_list_changed_after_it_was_signed_is_refused()
    {
        var list = TwoMembers();
        var tampered = list.Head with { Members = [.. list.Head.Members.Select(m => m with { Admin = true })] };

        var verify = () => MemberList.Verify("acme", [list.Entries[0], tampered], list.TeamId, null, "the document");

        verify.Should().Throw<TeamException>().WithMessage("*version 1 does not carry a valid signature*");
    }

    [Test]
    public void Another_team_started_by_the_same_admin_is_not_the_team_this_machine_joined()
    {
        var joined = MemberList.Create("acme", "alice", Alice, Noon);
        var other = MemberList.Create("acme", "alice", Alice, Noon.AddSeconds(1));

        var verify = () => MemberList.Verify("acme", other.Entries, joined.TeamId, null, "the document");

        verify.Should().Throw<TeamException>().WithMessage("*is not team acme as this machine knows it*");
    }

    [Test]
    public void A_chain_shorter_than_the_one_seen_or_different_where_it_was_seen_is_refused()
    {
        var list = TwoMembers();
        var seen = (list.Head.Seq, list.HeadId);
        var shorter = () => MemberList.Verify("acme", [list.Entries[0]], list.TeamId, seen, "the document");
        shorter.Should().Throw<TeamException>().WithMessage("*older member list (version 0) than this machine has seen (version 1)*");

        var otherPath = MemberList.Create("acme", "alice", Alice, Noon)
            .Append([new TeamMember("alice", Alice.Recipient, true), new TeamMember("mallory", AgeIdentity.Generate().Recipient, false)], Alice, Noon);
        var forked = () => MemberList.Verify("acme", otherPath.Entries, list.TeamId, seen, "the document");
        forked.Should().Throw<TeamException>().WithMessage("*differs from the one this machine has seen at version 1*");
    }

    [Test]
    public void Lists_past_the_caps_are_refused_before_their_signatures_are_checked()
    {
        var tooMany = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i <= MemberList.MaxEntries; i++)
            tooMany.Add(new System.Text.Json.Nodes.JsonObject());
        var entries = () => MemberList.FromJson("acme", tooMany, null, null, "the document");
        entries.Should().Throw<TeamException>().WithMessage($"*{MemberList.MaxEntries + 1} versions, more than the {MemberList.MaxEntries}*");

        var crowd = TwoMembers().ToJson();
        var members = (System.Text.Json.Nodes.JsonArray)crowd[0]!["members"]!;
        for (var i = 0; i < MemberList.MaxMembers; i++)
            members.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = $"m{i}", ["key"] = AgeIdentity.Generate().Recipient.Text, ["admin"] = false });
        var crowded = () => MemberList.FromJson("acme", crowd, null, null, "the document");
        crowded.Should().Throw<TeamException>().WithMessage($"*more than the {MemberList.MaxMembers} start-claude accepts*");
    }

    [TestCase("{\"seq\":0}")]
    [TestCase("[1,2]")]
    [TestCase("{\"seq\":0,\"prev\":null,\"at\":\"2026-12-06T12:00:00Z\",\"by\":\"x\",\"members\":[{\"name\":\"a b\",\"key\":\"age1x\",\"admin\":true}],\"sig\":\"AA==\"}")]
    public void A_malformed_entry_is_one_clear_refusal(string json)
    {
        var read = () => MemberList.FromJson("acme", System.Text.Json.Nodes.JsonNode.Parse("[" + json + "]"), null, null, "the document");

        read.Should().Throw<TeamException>().WithMessage("the document*");
    }
}
