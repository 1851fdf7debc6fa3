using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using StartClaude.Core.Encryption;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Testing;

namespace StartClaude.Core.Tests.Teams;

/// <summary>
/// A team document through the one planner and writer, on the in-memory twins: members reading each other's
/// configs, concurrent writes, and every document a bucket writer without a member key can put there.
/// </summary>
public class TeamDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private InMemoryRemoteDocument _remote = null!;
    private TeamMachine _alice = null!;
    private TeamMachine _bob = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        // Alice creates the team, shares a config, invites Bob (an admin-signed list with him); Bob joins by its id.
        _remote = new InMemoryRemoteDocument();
        var alice = AgeIdentity.Generate();
        var created = MemberList.Create("acme", "alice", alice, Now);
        _alice = new TeamMachine("alice", _remote, TeamState.Created(created), alice);
        _alice.AddTeamConfig("gateway", "opus", teamDefault: true);
        await _alice.SyncAsync();

        var bob = AgeIdentity.Generate();
        _alice.Seal.NewMembers = created.Append([.. created.Head.Members, new TeamMember("bob", bob.Recipient, false)], alice, Now);
        _alice.AddTeamConfig("fast", "haiku");
        await _alice.SyncAsync();

        _bob = new TeamMachine("bob", _remote, TeamState.Joining("acme", created.TeamId), bob);
        await _bob.SyncAsync();
    }

    private static byte[] Plaintext(TeamMachine reader) => AgeFile.Decrypt(reader.Remote.Current!.Content, reader.Identity);

    [Test]
    public async Task Members_read_each_others_configs_and_the_bucket_holds_none_of_them_in_the_clear()
    {
        _bob.TeamConfigs().Should().Equal("fast:haiku", "gateway:opus");
        _bob.Local.Document!.LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["acme/fast", "acme/gateway"], "on a member's machine a team's configs carry its name");

        _bob.AddTeamConfig("review", "sonnet");
        await _bob.SyncAsync();
        await _alice.SyncAsync();

        _alice.TeamConfigs().Should().Equal("fast:haiku", "gateway:opus", "review:sonnet");
        Encoding.UTF8.GetString(_remote.Current!.Content).Should().NotContain("review").And.StartWith("age-encryption.org/v1\n");
        _remote.Current.Metadata.Should().ContainKey(TeamDocumentSignature.SignatureHeader);
        _alice.Saved!.Writes.Keys.Should().BeEquivalentTo([_alice.Identity.Recipient.Fingerprint, _bob.Identity.Recipient.Fingerprint]);
    }

    [Test]
    public async Task A_team_config_made_this_machines_default_stays_the_default_when_the_team_changes_it()
    {
        // Bob runs 'start-claude default acme/fast': his own default, which the team never sees.
        var local = _bob.Local.Document!;
        _bob.Local.Document = local.WithConfigs(local.Configs.Select(c =>
        {
            var node = (JsonObject)c.Node.DeepClone();
            node["isDefault"] = c.Name == "acme/fast";
            return node;
        }));
        var alicesFast = _alice.Local.Document!.Configs.Single(c => c.Name == "acme/fast");
        _alice.Local.Document = _alice.Local.Document.WithConfigs(_alice.Local.Document.Configs.Select(c =>
        {
            var node = (JsonObject)c.Node.DeepClone();
            if (c.Id == alicesFast.Id)
                node["model"] = "haiku-2";
            return node;
        }));
        await _alice.SyncAsync();

        await _bob.SyncAsync();

        _bob.TeamConfigs().Should().Contain("fast:haiku-2");
        _bob.Local.Document!.Configs.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal(["acme/fast"], "a team's write keeps this machine's own default");
    }

    [Test]
    public async Task A_member_whose_only_configs_are_the_teams_has_exactly_one_default_the_teams_own()
    {
        // Without one, the next read of config.json repaired it with a warning ("made 'acme/fast' the default").
        _bob.Local.Document!.Configs.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal(["acme/gateway"]);

        var local = _alice.Local.Document!;
        _alice.Local.Document = local.WithConfigs(local.Configs.Select(c =>
        {
            var node = (JsonObject)c.Node.DeepClone();
            node["teamDefault"] = c.Name == "acme/fast";
            return node;
        }));
        await _alice.SyncAsync();
        await _bob.SyncAsync();

        _bob.Local.Document!.Configs.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal(["acme/gateway"], "once this machine's default, it stays so when the team's moves");
    }

    [Test]
    public async Task Two_members_writing_at_once_lose_nothing()
    {
        _alice.AddTeamConfig("from-alice", "a");
        _bob.AddTeamConfig("from-bob", "b");
        // Bob's sync lands between Alice's read and her write: her write is refused (412), she reads his and merges.
        _remote.BeforeNextWrite = _ => _bob.SyncAsync().GetAwaiter().GetResult();

        var report = await _alice.SyncAsync();
        await _bob.SyncAsync();

        report.Retries.Should().BeGreaterThan(0);
        _alice.TeamConfigs().Should().Equal(_bob.TeamConfigs());
        _alice.TeamConfigs().Should().Contain(["from-alice:a", "from-bob:b"]);
    }

    [Test]
    public async Task A_file_encrypted_to_the_members_with_stock_age_is_refused_for_lack_of_a_signature()
    {
        var before = _alice.Local.Document!.ToUtf8Bytes();
        var plaintext = Plaintext(_alice);
        var injected = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(plaintext).Replace("opus", "evil-model", StringComparison.Ordinal));
        _remote.Put(AgeFile.Encrypt(injected, [_alice.Identity.Recipient, _bob.Identity.Recipient]));

        foreach (var member in new[] { _alice, _bob })
        {
            var sync = () => member.SyncAsync();
            await sync.Should().ThrowAsync<TeamException>().WithMessage("team acme's document carries no start-claude signature*nothing was changed*");
        }
        _alice.Local.Document!.ToUtf8Bytes().Should().Equal(before);
    }

    [Test]
    public async Task A_signature_copied_onto_other_bytes_is_refused()
    {
        var signed = _remote.Current!;
        var injected = JsonNode.Parse(Plaintext(_alice))!.AsObject();
        injected["configs"]![0]!["baseUrl"] = "https://attacker.example";
        _remote.Put(AgeFile.Encrypt(Encoding.UTF8.GetBytes(injected.ToJsonString()), [_alice.Identity.Recipient, _bob.Identity.Recipient]), signed.Metadata);

        var sync = () => _bob.SyncAsync();

        await sync.Should().ThrowAsync<TeamException>().WithMessage("*does not carry a valid signature of alice*");
        _bob.Local.Document!.LiveConfigs.Select(c => c.BaseUrl).Should().NotContain("https://attacker.example");
    }

    [Test]
    public async Task An_older_signed_version_put_back_is_refused_on_every_machine()
    {
        var older = _remote.Current!;
        _alice.AddTeamConfig("newer", "n");
        await _alice.SyncAsync();
        await _bob.SyncAsync();
        _remote.Put(older.Content, older.Metadata);

        foreach (var member in new[] { _alice, _bob })
        {
            var sync = () => member.SyncAsync();
            await sync.Should().ThrowAsync<TeamException>().WithMessage("*is an older version (serial *) than this machine has seen*");
            member.TeamConfigs().Should().Contain("newer:n");
        }
    }

    [Test]
    public async Task A_removed_member_can_open_nothing_written_after_and_cannot_write_under_the_old_list()
    {
        var list = _alice.Saved!.KnownMembers;
        _alice.Seal.NewMembers = list.Append([.. list.Head.Members.Where(m => m.Name != "bob")], _alice.Identity, Now);
        _alice.AddTeamConfig("after", "x");
        await _alice.SyncAsync();

        var open = () => _bob.SyncAsync();
        await open.Should().ThrowAsync<TeamException>().WithMessage("*is not encrypted to this machine's key*not, or no longer, a member*");
        var stock = () => AgeFile.Decrypt(_remote.Current!.Content, _bob.Identity);
        stock.Should().Throw<AgeException>().Which.Failure.Should().Be(AgeFailure.NoMatch);

        // Bob still has the bucket's credentials and the old list: what he signs under it is refused.
        var bobsWrite = _bob.Seal.Seal(Encoding.UTF8.GetBytes("{\"configs\":[{\"id\":\"1\",\"name\":\"gateway\",\"baseUrl\":\"https://bob.example\",\"isDefault\":true}],\"settings\":{}}"));
        _remote.Put(bobsWrite.Body, bobsWrite.Metadata);
        var read = () => _alice.SyncAsync();
        await read.Should().ThrowAsync<TeamException>().WithMessage("*older member list*");
    }

    [Test]
    public async Task A_list_a_member_who_is_not_an_admin_signed_is_refused()
    {
        var list = _bob.Saved!.KnownMembers;
        var mallory = AgeIdentity.Generate();
        var forgedEntry = MemberListEntry.Create("acme", list.Head, [.. list.Head.Members, new TeamMember("mallory", mallory.Recipient, true)], _bob.Identity, Now);
        var forged = new TeamSeal(_bob.Saved!, _bob.Identity, _ => { })
        {
            NewMembers = ForgedChain(list, forgedEntry),
        }.Seal(Encoding.UTF8.GetBytes("{\"configs\":[],\"settings\":{}}"));
        _remote.Put(forged.Body, forged.Metadata);

        var sync = () => _alice.SyncAsync();

        await sync.Should().ThrowAsync<TeamException>().WithMessage("*signed by*who is not an admin of the list before it*");
    }

    // A chain with one more entry that no check has passed: what a member could write by hand.
    private static MemberList ForgedChain(MemberList real, MemberListEntry extra)
    {
        var json = real.ToJson();
        json.Add(extra.ToJson());
        var entries = json.Select(e => MemberListEntry.FromJson(e, "test")).ToList();
        return (MemberList)typeof(MemberList).GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)[0]
            .Invoke(["acme", entries]);
    }

    [Test]
    public async Task A_team_config_whose_name_here_is_one_of_the_machines_own_is_refused_not_renamed_for_the_team()
    {
        var own = (JsonObject)JsonNode.Parse("{\"id\":\"bobs\",\"name\":\"acme/new\",\"model\":\"mine\",\"isDefault\":true}")!;
        _bob.Local.Document = _bob.Local.Document!.WithConfigs([.. _bob.Local.Document.Configs.Select(c => c.Node), own]);
        _alice.AddTeamConfig("new", "theirs");
        await _alice.SyncAsync();

        var sync = () => _bob.SyncAsync();

        await sync.Should().ThrowAsync<Core.Errors.SyncConflictException>().WithMessage("*'acme/new' here, and a config of this machine's own has that name*--rename*");
        _bob.Local.Document!.LiveConfigs.Where(c => c.Name!.StartsWith("acme/new", StringComparison.Ordinal)).Select(c => $"{c.Name}:{c.Model}").Should().Equal("acme/new:mine");
        await _alice.SyncAsync();
        _alice.TeamConfigs().Should().Contain("new:theirs").And.NotContain(c => c.StartsWith("new (", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_field_of_the_team_document_this_version_does_not_know_survives_and_causes_no_write_of_its_own()
    {
        // A newer version (or s3-restore's "restoredFrom") writes a top-level field the configs view does not model.
        var plain = JsonNode.Parse(Plaintext(_alice))!.AsObject();
        plain.Remove("team");
        plain["future"] = new JsonObject { ["kept"] = true };
        var written = _alice.Seal.Seal(Encoding.UTF8.GetBytes(plain.ToJsonString()));
        _remote.Put(written.Body, written.Metadata);
        _alice.Seal.Written(written);

        await _bob.SyncAsync();
        var again = await _bob.SyncAsync();
        again.Outcome.Should().Be(SyncOutcome.NothingToDo, "what came down is what is here: no write of its own");
        _bob.AddTeamConfig("later", "l");
        await _bob.SyncAsync();

        JsonNode.Parse(Plaintext(_alice))!["future"]!["kept"]!.GetValue<bool>().Should().BeTrue();
        _bob.Local.Document!.Root["future"].Should().BeNull("the team's fields stay out of config.json's own top level");
    }

    [Test]
    public async Task A_machine_whose_member_list_is_stale_may_not_write_over_the_newer_one()
    {
        var bobBefore = _bob.Saved!;
        var list = _alice.Saved!.KnownMembers;
        _alice.Seal.NewMembers = list.Append([.. list.Head.Members, new TeamMember("carol", AgeIdentity.Generate().Recipient, false)], _alice.Identity, Now);
        _alice.AddTeamConfig("later", "l");
        await _alice.SyncAsync();
        var stale = new TeamSeal(bobBefore, _bob.Identity, _ => { });

        stale.StaleAgainst(_remote.Current!.Metadata).Should().Contain("this machine's list is stale").And.Contain("team sync acme");
        _bob.Seal.StaleAgainst(_remote.Versions[^2].Metadata).Should().BeNull("a list this machine went through is not newer than its own");
        stale.StaleAgainst(new Dictionary<string, string>()).Should().BeNull("an unsigned document may be written over");
        await _bob.SyncAsync();
        _bob.Seal.StaleAgainst(_remote.Current.Metadata).Should().BeNull("after a sync it knows the list");
    }

    [Test]
    public void The_signature_beside_the_document_states_its_list_and_serial_and_covers_its_bytes()
    {
        var current = _remote.Current!;
        var signature = TeamDocumentSignature.Parse(current.Metadata)!;
        var state = _bob.Saved!;

        signature.MembersId.Should().Be(state.KnownMembers.HeadId);
        signature.Serial.Should().Be(state.Serial);
        var statement = TeamDocumentSignature.Statement("acme", state.TeamId, TeamNames.DocumentKey("acme"), signature.MembersId, signature.Serial, current.Content);
        Encoding.UTF8.GetString(statement).Should().StartWith("start-claude team document v1\nteam acme\nid " + state.TeamId + "\nkey teams/acme/team.age\nmembers ");
        _alice.Identity.Recipient.Verify(statement, signature.Signature).Should().BeTrue();
        _alice.Identity.Recipient.Verify(TeamDocumentSignature.Statement("acme", state.TeamId, "teams/other/team.age", signature.MembersId, signature.Serial, current.Content), signature.Signature)
            .Should().BeFalse("a signature made for one key does not hold for another");
    }
}
