using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using StartClaude.Abstractions;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Testing;

namespace StartClaude.Core.Tests.Teams;

/// <summary>
/// A team's Claude Code items through the one planner and writer, with each member's real Claude Code folder (a
/// scratch HOME each): they land under the team's name, go out from there, and never mix with a machine's own.
/// </summary>
public class TeamClaudeItemsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private InMemoryRemoteDocument _team = null!;
    private Member _alice = null!;
    private Member _bob = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _team = new InMemoryRemoteDocument();
        var alice = AgeIdentity.Generate();
        var created = MemberList.Create("acme", "alice", alice, Now);
        _alice = new Member("alice", _team, TeamState.Created(created), alice);
        await _alice.TeamSyncAsync();
        var bob = AgeIdentity.Generate();
        _alice.Seal.NewMembers = created.Append([.. created.Head.Members, new TeamMember("bob", bob.Recipient, false)], alice, Now);
        await _alice.TeamSyncAsync();
        _bob = new Member("bob", _team, TeamState.Joining("acme", created.TeamId), bob);
        await _bob.TeamSyncAsync();
    }

    [TearDown]
    public void TearDown()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    [Test]
    public async Task A_members_agent_CLAUDE_md_and_MCP_server_reach_the_others_under_the_teams_name_and_their_edits_come_back()
    {
        _alice.Take("CLAUDE.md,agents,commands,mcp-servers");
        _bob.Take("CLAUDE.md,agents,commands,mcp-servers");
        _alice.WriteClaude("agents/acme/reviewer.md", "review every diff\n");
        _alice.WriteClaude("rules/acme/CLAUDE.md", "use the gateway\n");
        _alice.WriteClaude("commands/acme/ship.md", "ship it\n");
        File.WriteAllText(_alice.ClaudeJson, """{"mcpServers":{"acme-gateway":{"command":"gw","args":["--team"]},"mine":{"command":"x"}}}""");

        await _alice.TeamSyncAsync();
        await _bob.TeamSyncAsync();

        _bob.ReadClaude("agents/acme/reviewer.md").Should().Be("review every diff\n");
        _bob.ReadClaude("rules/acme/CLAUDE.md").Should().Be("use the gateway\n");
        _bob.ReadClaude("commands/acme/ship.md").Should().Be("ship it\n");
        var servers = JsonNode.Parse(File.ReadAllText(_bob.ClaudeJson))!["mcpServers"]!.AsObject();
        servers.Select(s => s.Key).Should().Equal(["acme-gateway"], "only the team's server goes to the team; alice's own 'mine' stays hers");
        var section = ClaudeSection.Of(_alice.TeamPlaintext().Root)!;
        ClaudeSection.LiveIds(section).Should().BeEquivalentTo(["file:CLAUDE.md", "file:agents/reviewer.md", "file:commands/ship.md", "mcp:gateway"],
            "in the team's document the items carry the team's own names");

        _bob.WriteClaude("agents/acme/reviewer.md", "review every diff twice\n");
        File.Delete(Path.Combine(_bob.ClaudeFolder, "commands", "acme", "ship.md"));
        await _bob.TeamSyncAsync();
        await _alice.TeamSyncAsync();

        _alice.ReadClaude("agents/acme/reviewer.md").Should().Be("review every diff twice\n");
        File.Exists(Path.Combine(_alice.ClaudeFolder, "commands", "acme", "ship.md")).Should().BeFalse("bob's deletion reaches alice");
    }

    [Test]
    public async Task A_machines_own_sync_never_sends_the_teams_items_and_never_writes_into_the_teams_folder()
    {
        _alice.Take("agents,mcp-servers");
        _alice.ChoosePersonal("agents,mcp-servers");
        _alice.WriteClaude("agents/acme/reviewer.md", "team prompt\n");
        _alice.WriteClaude("agents/mine.md", "my prompt\n");
        File.WriteAllText(_alice.ClaudeJson, """{"mcpServers":{"acme-gateway":{"command":"gw"},"mine":{"command":"x"}}}""");
        await _alice.TeamSyncAsync();

        await _alice.PersonalSyncAsync();

        var personal = ClaudeSection.Of(DocumentCodec.Plain.Decode(_alice.Personal.Current!.Content).Root)!;
        ClaudeSection.LiveIds(personal).Should().BeEquivalentTo(["file:agents/mine.md", "mcp:mine"], "the team's items are the team's, not this machine's own");

        // A bucket writer puts an agent into the team's folder through the personal (maybe unencrypted) document.
        var root = DocumentCodec.Plain.Decode(_alice.Personal.Current!.Content).Root;
        ClaudeSection.Put(ClaudeSection.Of(root)!, ClaudeItemIds.File("agents/acme/reviewer.md"), ClaudeSection.FileItem("injected\n"));
        ClaudeSection.Put(ClaudeSection.Of(root)!, ClaudeItemIds.File("agents/acme/extra.md"), ClaudeSection.FileItem("injected\n"));
        _alice.Personal.Put(Encoding.UTF8.GetBytes(root.ToJsonString()));
        await _alice.PersonalSyncAsync();
        await _alice.TeamSyncAsync();

        _alice.ReadClaude("agents/acme/reviewer.md").Should().Be("team prompt\n");
        File.Exists(Path.Combine(_alice.ClaudeFolder, "agents", "acme", "extra.md")).Should().BeFalse();
        ClaudeSection.LiveIds(ClaudeSection.Of(_alice.TeamPlaintext().Root)).Should().BeEquivalentTo(["file:agents/reviewer.md", "mcp:gateway"]);
    }

    [Test]
    public async Task A_member_who_takes_none_of_the_teams_items_keeps_them_in_the_document_when_it_writes()
    {
        _alice.Take("agents");
        _alice.WriteClaude("agents/acme/reviewer.md", "team prompt\n");
        await _alice.TeamSyncAsync();
        await _bob.TeamSyncAsync();
        _bob.AddTeamConfig("gateway");

        await _bob.TeamSyncAsync();

        var document = _bob.TeamPlaintext();
        document.LiveConfigs.Select(c => c.Name).Should().Equal(["gateway"]);
        ClaudeSection.LiveIds(ClaudeSection.Of(document.Root)).Should().Equal(["file:agents/reviewer.md"]);
        Directory.Exists(Path.Combine(_bob.ClaudeFolder, "agents")).Should().BeFalse("bob takes nothing of the team's");
    }

    [Test]
    public void Taking_a_kind_whose_team_folder_already_holds_this_machines_own_files_is_refused()
    {
        _alice.WriteClaude("agents/acme/private.md", "mine, not the team's\n");
        var before = File.ReadAllBytes(_alice.ConfigPath);

        var take = () => _alice.Take("agents");

        take.Should().Throw<SyncConflictException>().WithMessage("agents/acme/ is where team acme's items go on this machine, and it already holds one item of this machine's own (file agents/acme/private.md): move it elsewhere*nothing was changed");
        File.ReadAllBytes(_alice.ConfigPath).Should().Equal(before);
        _alice.Take("CLAUDE.md");
    }

    [Test]
    public async Task A_teams_folder_gone_here_is_refused_with_the_teams_commands_and_the_advice_brings_it_back()
    {
        _alice.Take("agents");
        _bob.Take("agents");
        _alice.WriteClaude("agents/acme/a.md", "a\n");
        _alice.WriteClaude("agents/acme/b.md", "b\n");
        await _alice.TeamSyncAsync();
        await _bob.TeamSyncAsync();
        Directory.Delete(Path.Combine(_bob.ClaudeFolder, "agents", "acme"), recursive: true);

        var sync = () => _bob.TeamSyncAsync();

        (await sync.Should().ThrowAsync<SyncRefusedException>()).Which.Message.Should()
            .Contain("none of the 2 Claude Code files the last sync agreed on are here any more")
            .And.Contain("To take them back: start-claude team claude-files acme --set none, then --set the kinds again, then team sync acme")
            .And.Contain("start-claude team sync acme --replace").And.NotContain("s3-download");
        _bob.Take("none");
        _bob.Take("agents");
        await _bob.TeamSyncAsync();
        _bob.ReadClaude("agents/acme/a.md").Should().Be("a\n");
        ClaudeSection.LiveIds(ClaudeSection.Of(_bob.TeamPlaintext().Root)).Should().BeEquivalentTo(["file:agents/a.md", "file:agents/b.md"]);
    }

    [Test]
    public async Task An_item_whose_path_has_no_place_here_once_the_teams_folder_is_added_is_kept_not_failed_on_or_deleted()
    {
        _alice.Take("agents");
        _bob.Take("agents");
        _alice.WriteClaude("agents/acme/a.md", "a\n");
        await _alice.TeamSyncAsync();
        await _bob.TeamSyncAsync();
        // A member writes a signed document holding an agent whose path fits the document but not agents/acme/ here.
        var longPath = "agents/" + new string('x', 200) + "/" + new string('y', 200) + "/" + new string('z', 96) + ".md";
        var plain = JsonNode.Parse(AgeFile.Decrypt(_team.Current!.Content, _alice.Identity))!.AsObject();
        ClaudeSection.Put(ClaudeSection.Of(plain)!, ClaudeItemIds.File(longPath), ClaudeSection.FileItem("long\n"));
        ClaudePath.Problem(longPath).Should().BeNull("the team document may hold it");
        var written = _alice.Seal.Seal(Encoding.UTF8.GetBytes(plain.ToJsonString()));
        _team.Put(written.Body, written.Metadata);
        _alice.Seal.Written(written);

        await _bob.TeamSyncAsync();
        _bob.AddTeamConfig("gateway");
        await _bob.TeamSyncAsync();
        await _alice.TeamSyncAsync();

        _bob.ReadClaude("agents/acme/a.md").Should().Be("a\n");
        ClaudeSection.LiveIds(ClaudeSection.Of(_bob.TeamPlaintext().Root)).Should().BeEquivalentTo(["file:agents/a.md", "file:" + longPath], "kept for members where it has a place");
        _bob.TeamPlaintext().LiveConfigs.Select(c => c.Name).Should().Equal(["gateway"]);
    }

    [Test]
    public void A_kind_a_team_does_not_carry_is_refused_naming_those_it_does()
    {
        var parse = () => TeamClaudeItems.ParseKinds("agents,skills");

        parse.Should().Throw<UsageException>().WithMessage("'skills' is not a kind a team carries; use CLAUDE.md, agents, commands, mcp-servers, comma-separated, or none");
        TeamClaudeItems.ParseKinds("agents/, MCP").Should().BeEquivalentTo(["agents", "mcp-servers"]);
    }

    [Test]
    public void Two_teams_whose_MCP_server_names_could_be_either_teams_cannot_both_give_this_machine_MCP_servers()
    {
        _alice.Take("mcp-servers");
        var other = new TeamClaudeItems(_alice.Folder);

        var take = () => other.Choose(_alice.Configs.Read()!, "acme-dev", new HashSet<string> { ClaudeKinds.McpServers });

        take.Should().Throw<SyncConflictException>().WithMessage("team acme-dev's MCP servers would be named acme-dev-NAME here, and team acme's acme-NAME*");
    }

    [Test]
    public void A_team_this_machine_takes_no_MCP_servers_from_does_not_stop_another_teams_being_taken()
    {
        _alice.Take("agents");
        var other = new TeamClaudeItems(_alice.Folder);

        var written = other.Choose(_alice.Configs.Read()!, "acme-dev", new HashSet<string> { ClaudeKinds.McpServers });

        ClaudeChoice.ForTeam(written.Root["settings"]!["s3Sync"] as JsonObject, "acme-dev", "config.json").Kinds.Should().Equal([ClaudeKinds.McpServers]);
        _alice.Configs.Write(written);
        var take = () => _alice.Take("agents,mcp-servers");
        take.Should().Throw<SyncConflictException>().WithMessage("team acme's MCP servers would be named acme-NAME here, and team acme-dev's acme-dev-NAME*");
    }

    [Test]
    public async Task Leaving_deletes_the_teams_items_so_none_of_them_becomes_the_machines_own()
    {
        _alice.Take("agents");
        _alice.ChoosePersonal("agents");
        _alice.WriteClaude("agents/acme/reviewer.md", "team prompt\n");
        _alice.WriteClaude("agents/mine.md", "my prompt\n");
        await _alice.TeamSyncAsync();

        var deleted = _alice.Items.RemoveFromDisk(_alice.Configs.Read()!, "acme");
        _alice.Configs.Write(new TeamLocalView("acme", _alice.Configs).Without(_alice.Configs.Read()!));
        await _alice.PersonalSyncAsync();

        deleted.Should().Equal(["deleted file agents/acme/reviewer.md"]);
        File.Exists(Path.Combine(_alice.ClaudeFolder, "agents", "acme", "reviewer.md")).Should().BeFalse();
        ClaudeSection.LiveIds(ClaudeSection.Of(DocumentCodec.Plain.Decode(_alice.Personal.Current!.Content).Root)).Should().Equal(["file:agents/mine.md"]);
        _alice.Configs.Read()!.Root["settings"]!["s3Sync"]![ClaudeChoice.TeamsJsonName].Should().BeNull();
    }

    [Test]
    public async Task Leaving_keeps_the_machines_own_items_of_the_kinds_it_never_took_from_the_team()
    {
        // bob's company is acme too: his own command and MCP server already carry its name.
        _bob.WriteClaude("commands/acme/deploy.md", "my deploy\n");
        File.WriteAllText(_bob.ClaudeJson, """{"mcpServers":{"acme-internal":{"command":"mine","env":{"K":"own-secret"}}}}""");
        _alice.Take("agents");
        _alice.WriteClaude("agents/acme/reviewer.md", "team prompt\n");
        await _alice.TeamSyncAsync();
        _bob.Take("agents");
        await _bob.TeamSyncAsync();

        var deleted = _bob.Items.RemoveFromDisk(_bob.Configs.Read()!, "acme");

        deleted.Should().Equal(["deleted file agents/acme/reviewer.md"]);
        _bob.ReadClaude("commands/acme/deploy.md").Should().Be("my deploy\n", "bob never took the team's commands: that folder holds only his own");
        JsonNode.Parse(File.ReadAllText(_bob.ClaudeJson))!["mcpServers"]!.AsObject().Select(s => s.Key).Should().Equal(["acme-internal"]);
    }

    [Test]
    public async Task A_kind_no_longer_taken_leaves_no_team_items_behind_so_it_can_be_taken_again()
    {
        _alice.Take("agents");
        _alice.WriteClaude("agents/acme/reviewer.md", "team prompt\n");
        await _alice.TeamSyncAsync();
        _bob.Take("agents");
        await _bob.TeamSyncAsync();
        _bob.ReadClaude("agents/acme/reviewer.md").Should().Be("team prompt\n");

        _bob.Take("none");

        File.Exists(Path.Combine(_bob.ClaudeFolder, "agents", "acme", "reviewer.md")).Should().BeFalse("a team's item no longer taken is no longer kept in step here");
        _bob.Take("agents");
        await _bob.TeamSyncAsync();
        _bob.ReadClaude("agents/acme/reviewer.md").Should().Be("team prompt\n");
        ClaudeSection.LiveIds(ClaudeSection.Of(_bob.TeamPlaintext().Root)).Should().Equal(["file:agents/reviewer.md"], "dropping a kind here deletes nothing of the team's");
    }

    [Test]
    public async Task A_teams_folder_that_is_a_link_is_not_read_through_so_what_it_points_at_never_reaches_the_team()
    {
        _alice.Take("agents");
        _alice.WriteClaude("agents/acme/reviewer.md", "team prompt\n");
        await _alice.TeamSyncAsync();
        _bob.Take("agents");
        await _bob.TeamSyncAsync();
        // bob keeps the team's agents in a folder of his own, beside his notes, and links the team's folder to it.
        var mine = Path.Combine(_bob.Home, "notes");
        Directory.CreateDirectory(mine);
        File.Move(Path.Combine(_bob.ClaudeFolder, "agents", "acme", "reviewer.md"), Path.Combine(mine, "reviewer.md"));
        File.WriteAllText(Path.Combine(mine, "private.txt"), "not the team's\n");
        Directory.Delete(Path.Combine(_bob.ClaudeFolder, "agents", "acme"));
        Directory.CreateSymbolicLink(Path.Combine(_bob.ClaudeFolder, "agents", "acme"), mine);

        var sync = () => _bob.TeamSyncAsync();

        (await sync.Should().ThrowAsync<LocalConfigException>()).Which.Message.Should().Contain("agents/acme").And.Contain("linked folder");
        ClaudeSection.LiveIds(ClaudeSection.Of(_bob.TeamPlaintext().Root)).Should().Equal(["file:agents/reviewer.md"], "nothing behind the link reaches the team");
    }

    [Test]
    public async Task Leaving_deletes_nothing_through_a_teams_folder_that_is_a_link()
    {
        _bob.Take("agents");
        await _bob.TeamSyncAsync();
        var mine = Path.Combine(_bob.Home, "notes");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "private.md"), "mine\n");
        Directory.CreateDirectory(Path.Combine(_bob.ClaudeFolder, "agents"));
        Directory.CreateSymbolicLink(Path.Combine(_bob.ClaudeFolder, "agents", "acme"), mine);

        var leave = () => _bob.Items.RemoveFromDisk(_bob.Configs.Read()!, "acme");

        leave.Should().Throw<LocalConfigException>().WithMessage("*linked folder*");
        File.ReadAllText(Path.Combine(mine, "private.md")).Should().Be("mine\n");
    }

    [TestCase("""{"acme":{"kinds":"agents"}}""")]
    [TestCase("""{"acme":{"kinds":[1]}}""")]
    [TestCase("""{"acme":{"kinds":["agents"],"joined":"agents"}}""")]
    public void A_team_choice_edited_into_a_bad_shape_is_refused_naming_where_it_is(string teams)
    {
        var s3Sync = new JsonObject { [ClaudeChoice.TeamsJsonName] = JsonNode.Parse(teams) };

        var read = () => ClaudeChoice.ForTeam(s3Sync, "acme", "config.json");

        read.Should().Throw<LocalConfigException>().Which.Message.Should()
            .Contain("settings.s3Sync.teamClaudeCode").And.Contain("team claude-files").And.NotContain("s3Sync.claudeCode ");
    }

    /// <summary>One member: a scratch HOME with a Claude Code folder, config.json, the team's engine and its own.</summary>
    private sealed class Member : IDisposable
    {
        private static readonly S3SyncSettings PersonalSettings = new("s3-compatible", "bucket", "us-east-1", "AKIDEXAMPLE", "secret", "http://127.0.0.1:1", "doc.json");

        private readonly string _home;
        private readonly InMemorySyncState _teamState = new();
        private readonly InMemorySyncState _personalState = new();
        private readonly SyncEngine _teamEngine;
        private readonly SyncEngine _personalEngine;
        private readonly TeamLocalView _view;
        private readonly MachineDocumentStore _machine;

        public Member(string name, InMemoryRemoteDocument team, TeamState state, AgeIdentity identity)
        {
            _home = Path.Combine(Path.GetTempPath(), $"sc-teamclaude-{name}-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(_home, ".claude"));
            var environment = AppEnvironment.From(new Dictionary<string, string> { ["HOME"] = _home, ["START_CLAUDE_HOME"] = Path.Combine(_home, ".start-claude") });
            var backups = new BackupStore(environment);
            Configs = new LocalConfigStore(environment, backups);
            Configs.Write(ConfigDocument.CreateEmpty().WithS3Sync(PersonalSettings));
            Folder = new ClaudeFolder(new ClaudeCodePaths(environment), backups);
            Items = new TeamClaudeItems(Folder);
            Team = team;
            Identity = identity;
            Seal = new TeamSeal(state, identity, _ => { });
            _view = new TeamLocalView("acme", Configs, Folder);
            _teamEngine = new SyncEngine(_view, _teamState, new SyncWriter(_view, _teamState));
            _machine = new MachineDocumentStore(Configs, Folder);
            _personalEngine = new SyncEngine(_machine, _personalState, new SyncWriter(_machine, _personalState));
        }

        public LocalConfigStore Configs { get; }

        public ClaudeFolder Folder { get; }

        public TeamClaudeItems Items { get; }

        public InMemoryRemoteDocument Team { get; }

        public InMemoryRemoteDocument Personal { get; } = new();

        public AgeIdentity Identity { get; }

        public TeamSeal Seal { get; }

        public string Home => _home;

        public string ClaudeFolder => Path.Combine(_home, ".claude");

        public string ClaudeJson => Path.Combine(_home, ".claude.json");

        public string ConfigPath => Configs.ConfigPath;

        public void Take(string kinds) => Items.Take(Configs, "acme", TeamClaudeItems.ParseKinds(kinds));

        public void ChoosePersonal(string kinds)
        {
            var local = Configs.Read()!;
            Configs.Write(local.WithClaudeChoice(local.ClaudeChoice.WithKinds(ClaudeChoice.ParseKinds(kinds))));
        }

        public void WriteClaude(string relative, string text)
        {
            var path = Path.Combine(ClaudeFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        public string ReadClaude(string relative) => File.ReadAllText(Path.Combine(ClaudeFolder, relative));

        public void AddTeamConfig(string name)
        {
            var local = Configs.Read()!;
            var node = (JsonObject)JsonNode.Parse(
                $"{{\"id\":\"{Guid.NewGuid()}\",\"name\":\"acme/{name}\",\"model\":\"opus\",\"isDefault\":false,\"team\":\"acme\",\"teamDefault\":true,\"localOnly\":true}}")!;
            Configs.Write(local.WithConfigs([.. local.Configs.Select(c => c.Node), node]));
        }

        public ConfigDocument TeamPlaintext() => DocumentCodec.Plain.Decode(AgeFile.Decrypt(Team.Current!.Content, Identity));

        public Task<SyncReport> TeamSyncAsync() =>
            _teamEngine.RunAsync(new SyncTarget(_view.Read()!, TeamMachine.Settings, Team) { Codec = DocumentCodec.Sealed(Seal), Advice = SyncAdvice.ForTeam("acme") },
                new SyncRequest.TwoWay(), new ScriptedAnswerer(), dryRun: false);

        public Task<SyncReport> PersonalSyncAsync() =>
            _personalEngine.RunAsync(new SyncTarget(_machine.Read()!, PersonalSettings, Personal), new SyncRequest.TwoWay(), new ScriptedAnswerer(), dryRun: false);

        public void Dispose() => Directory.Delete(_home, recursive: true);
    }
}
