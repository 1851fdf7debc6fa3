using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests.ClaudeCode;

/// <summary>
/// Claude Code items in the planner: merged per item against the base, only the kinds a machine carries
/// sent or applied, deletions as tombstones, an emptied remote asked about, hostile sections refused.
/// </summary>
public class ClaudeItemsPlanningTests
{
    private const string Config = "{\"id\":\"w\",\"name\":\"work\",\"model\":\"m\",\"isDefault\":true}";

    private static ConfigDocument Doc(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    /// <summary>A shared document whose claudeCode section is <paramref name="section"/> (JSON), or none.</summary>
    private static ConfigDocument Shared(string? section) =>
        Doc("{\"configs\":[" + Config + "],\"settings\":{}" + (section is null ? "" : ",\"claudeCode\":" + section) + "}");

    /// <summary>This machine: carrying <paramref name="kinds"/>, with <paramref name="disk"/> as read from its files.</summary>
    /// <param name="joined">Whether these kinds were synced since they were chosen (else a file missing here is one never had).</param>
    private static ConfigDocument Machine(string kinds, string disk, string localOnly = "", bool joined = true) =>
        Doc("{\"configs\":[" + Config + "],\"settings\":{\"s3Sync\":{\"bucket\":\"b\",\"claudeCode\":{\"kinds\":[" + kinds + "]"
            + (localOnly.Length > 0 ? ",\"localOnly\":[" + localOnly + "]" : "") + (joined ? ",\"joined\":[" + kinds + "]" : "") + "}}},\"claudeCode\":" + disk + "}");

    private static SyncInputs Inputs(ConfigDocument local, ConfigDocument? remote, ConfigDocument? baseDocument) => new(
        local,
        remote is null ? null : new RemoteSnapshot(remote, new RemoteObjectInfo(100, null, "\"r\""), Downloaded: true),
        baseDocument is null ? null : new SyncBase("\"b\"", baseDocument.SharedContentHash(), baseDocument),
        ConditionalWrites: true);

    private static JsonObject? Section(ConfigDocument? document) => document is null ? null : ClaudeSection.Of(SharedDocument.FromLocal(document).Root);

    private static string? Text(ConfigDocument? document, string path) => ClaudeSection.TextOf(ClaudeSection.Get(Section(document), ClaudeItemIds.File(path)));

    private static string File(string text) => "{\"text\":" + JsonValue.Create(text)!.ToJsonString() + "}";

    [Test]
    public void An_agent_added_here_is_uploaded_and_the_remote_keeps_what_this_machine_does_not_carry()
    {
        var agreed = Shared("{\"files\":{\"commands/deploy.md\":" + File("deploy\n") + "}}");
        var local = Machine("\"agents\"", "{\"files\":{\"agents/reviewer.md\":" + File("review\n") + "}}");

        var plan = Planning.Plan(Inputs(local, agreed, agreed));

        plan.Outcome.Should().Be(SyncOutcome.Uploaded);
        Text(plan.Upload, "agents/reviewer.md").Should().Be("review\n");
        Text(plan.Upload, "commands/deploy.md").Should().Be("deploy\n", "a kind this machine did not choose stays in the document untouched");
        plan.LocalChanges!.DescribeChanges().Should().Equal("added:   file agents/reviewer.md");
    }

    [Test]
    public void A_machine_that_carries_nothing_neither_sends_nor_deletes_anything()
    {
        var agreed = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + "},\"mcpServers\":{\"gh\":{\"value\":{\"command\":\"gh\"}}}}");
        var local = Doc("{\"configs\":[" + Config + "],\"settings\":{}}");

        var plan = Planning.Plan(Inputs(local, agreed, agreed));

        plan.Outcome.Should().Be(SyncOutcome.NothingToDo);
        plan.State.Should().Be(SyncState.InSync);
    }

    [Test]
    public void A_file_deleted_here_travels_as_a_tombstone()
    {
        var agreed = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + ",\"agents/b.md\":" + File("b\n") + "}}");
        var local = Machine("\"agents\"", "{\"files\":{\"agents/b.md\":" + File("b\n") + "}}");

        var plan = Planning.Plan(Inputs(local, agreed, agreed));

        ClaudeSection.IsTombstone(ClaudeSection.Get(Section(plan.Upload), ClaudeItemIds.File("agents/a.md"))).Should().BeTrue();
        plan.LocalChanges!.DescribeChanges().Should().Equal("removed: file agents/a.md");
    }

    [Test]
    public void A_kind_chosen_after_other_machines_synced_it_brings_their_files_here_and_then_counts_as_joined()
    {
        var agreed = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + "}}");
        var local = Machine("\"agents\"", "{\"files\":{\"agents/mine.md\":" + File("mine\n") + "}}", joined: false);

        var plan = Planning.Plan(Inputs(local, agreed, agreed));

        Text(plan.Upload, "agents/a.md").Should().Be("a\n", "a file this machine never had is not one it deleted");
        Text(plan.Upload, "agents/mine.md").Should().Be("mine\n");
        Text(plan.Result, "agents/a.md").Should().Be("a\n");
        plan.Result.ClaudeChoice.Joined.Should().BeEquivalentTo(["agents"]);
    }

    [Test]
    public void A_kind_newly_chosen_where_nothing_else_changed_names_what_it_brings_here()
    {
        var agreed = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + "}}");
        var local = Machine("\"agents\"", "{}", joined: false);

        var plan = Planning.Plan(Inputs(local, agreed, agreed));

        plan.State.Should().Be(SyncState.InSync);
        plan.WritesLocal.Should().BeTrue();
        plan.RemoteChanges!.DescribeChanges().Should().Equal("added:   file agents/a.md");
        plan.Reason.Should().Contain("newly chosen");
    }

    [Test]
    public void Every_MCP_server_gone_here_at_once_is_refused_not_sent_and_s3_upload_sends_it_on_purpose()
    {
        var agreed = Shared("{\"mcpServers\":{\"a\":{\"value\":{\"command\":\"a\"}},\"b\":{\"value\":{\"command\":\"b\"}}},\"files\":{\"CLAUDE.md\":" + File("m\n") + "}}");
        var local = Machine("\"mcp-servers\",\"CLAUDE.md\"", "{\"files\":{\"CLAUDE.md\":" + File("m\n") + "}}");

        var refused = Planning.Decide(Inputs(local, agreed, agreed)).Should().BeOfType<SyncDecision.Refuse>().Subject;
        var upload = Planning.Decide(Inputs(local, agreed, agreed), new SyncRequest.Upload(Force: false));

        refused.Reason.Should().Contain("none of the 2 MCP servers").And.Contain(".claude.json").And.Contain("s3-download -f").And.Contain("s3-upload");
        refused.ExitCode.Should().Be(Errors.ExitCodes.Conflict);
        var sent = upload.Should().BeOfType<SyncDecision.Done>().Subject.Plan.Upload;
        ClaudeSection.IsTombstone(ClaudeSection.Get(Section(sent), ClaudeItemIds.Mcp("a"))).Should().BeTrue();
    }

    [Test]
    public void A_file_here_where_the_remote_has_a_folder_is_refused_before_the_merge_is_sent()
    {
        var agreed = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + "}}");
        var remote = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + ",\"agents/zz/x.md\":" + File("x\n") + "}}");
        var local = Machine("\"agents\"", "{\"files\":{\"agents/a.md\":" + File("a\n") + ",\"agents/zz\":" + File("z\n") + "}}");

        var refused = Planning.Decide(Inputs(local, remote, agreed)).Should().BeOfType<SyncDecision.Refuse>().Subject;

        refused.Reason.Should().Contain("agents/zz").And.Contain("rename one");
        refused.Preview.WritesRemote.Should().BeFalse();
    }

    [Test]
    public void Without_files_read_a_chosen_kind_is_never_taken_for_deleted()
    {
        // The same machine, but its document read without the Claude Code section (a path that does not read the files).
        var agreed = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + "}}");
        var local = Doc("{\"configs\":[" + Config + "],\"settings\":{\"s3Sync\":{\"bucket\":\"b\",\"claudeCode\":{\"kinds\":[\"agents\"]}}}}");

        var plan = Planning.Plan(Inputs(local, agreed, agreed));

        plan.Outcome.Should().Be(SyncOutcome.NothingToDo);
    }

    [Test]
    public void A_file_edited_on_both_sides_at_different_places_is_merged_line_by_line()
    {
        var baseText = "one\ntwo\nthree\nfour\nfive\n";
        var agreed = Shared("{\"files\":{\"CLAUDE.md\":" + File(baseText) + "}}");
        var remote = Shared("{\"files\":{\"CLAUDE.md\":" + File("one\ntwo\nthree\nfour\nfive remote\n") + "}}");
        var local = Machine("\"CLAUDE.md\"", "{\"files\":{\"CLAUDE.md\":" + File("one here\ntwo\nthree\nfour\nfive\n") + "}}");

        var plan = Planning.Plan(Inputs(local, remote, agreed));

        plan.Conflicts.Should().BeEmpty();
        Text(plan.Upload, "CLAUDE.md").Should().Be("one here\ntwo\nthree\nfour\nfive remote\n");
        Text(plan.Result, "CLAUDE.md").Should().Be("one here\ntwo\nthree\nfour\nfive remote\n");
    }

    [Test]
    public void A_file_edited_on_both_sides_at_the_same_line_is_a_conflict_settled_by_prefer()
    {
        var agreed = Shared("{\"files\":{\"CLAUDE.md\":" + File("a\nb\nc\n") + "}}");
        var remote = Shared("{\"files\":{\"CLAUDE.md\":" + File("a\nB remote\nc\n") + "}}");
        var local = Machine("\"CLAUDE.md\"", "{\"files\":{\"CLAUDE.md\":" + File("a\nB here\nc\n") + "}}");
        var inputs = Inputs(local, remote, agreed);

        var question = Planning.Decide(inputs).Should().BeOfType<SyncDecision.Ask>().Subject.Question.Should().BeOfType<SyncQuestion.Conflicts>().Subject;
        question.Items.Should().ContainSingle().Which.Label.Should().Be("file CLAUDE.md");
        question.Items[0].Describe(ConflictSide.Local).Should().Contain("differs from line 2").And.NotContain("B here", "a file's content never reaches a message");
        question.Items[0].Describe(ConflictSide.Remote).Should().Contain("differs from line 2").And.NotContain("B remote");

        Text(Planning.Resolve(inputs, ConflictSide.Remote).Result, "CLAUDE.md").Should().Be("a\nB remote\nc\n");
        Text(Planning.Resolve(inputs, ConflictSide.Local).Upload, "CLAUDE.md").Should().Be("a\nB here\nc\n");
    }

    [Test]
    public void An_MCP_server_changed_differently_on_both_sides_is_a_conflict_with_its_secrets_masked()
    {
        var agreed = Shared("{\"mcpServers\":{\"gh\":{\"value\":{\"command\":\"gh\",\"env\":{\"TOKEN\":\"ghp_0000000000000000base\"}}}}}");
        var remote = Shared("{\"mcpServers\":{\"gh\":{\"value\":{\"command\":\"gh\",\"env\":{\"TOKEN\":\"ghp_1111111111111111remote\"}}}}}");
        var local = Machine("\"mcp-servers\"", "{\"mcpServers\":{\"gh\":{\"value\":{\"command\":\"gh\",\"env\":{\"TOKEN\":\"ghp_2222222222222222local\"}}}}}");

        var conflict = Planning.Decide(Inputs(local, remote, agreed)).Should().BeOfType<SyncDecision.Ask>().Subject.Question
            .Should().BeOfType<SyncQuestion.Conflicts>().Subject.Items.Should().ContainSingle().Subject;

        conflict.Label.Should().Be("MCP server gh");
        conflict.Describe(ConflictSide.Local).Should().Contain("TOKEN=ghp_…ocal").And.NotContain("2222222222");
        conflict.Describe(ConflictSide.Remote).Should().NotContain("1111111111");
    }

    [Test]
    public void A_settings_key_and_a_server_changed_on_one_side_each_both_arrive()
    {
        var agreed = Shared("{\"settings\":{\"model\":{\"value\":\"opus\"}},\"mcpServers\":{\"gh\":{\"value\":{\"command\":\"gh\"}}}}");
        var remote = Shared("{\"settings\":{\"model\":{\"value\":\"sonnet\"}},\"mcpServers\":{\"gh\":{\"value\":{\"command\":\"gh\"}}}}");
        var local = Machine("\"mcp-servers\",\"settings:model\"", "{\"settings\":{\"model\":{\"value\":\"opus\"}},\"mcpServers\":{\"gh\":{\"value\":{\"command\":\"gh2\"}}}}");

        var plan = Planning.Plan(Inputs(local, remote, agreed));

        plan.Conflicts.Should().BeEmpty();
        var section = Section(plan.Upload)!;
        ClaudeSection.ValueOf(ClaudeSection.Get(section, ClaudeItemIds.Setting("model"))).Value!.GetValue<string>().Should().Be("sonnet");
        ClaudeSection.ValueOf(ClaudeSection.Get(section, ClaudeItemIds.Mcp("gh"))).Value!["command"]!.GetValue<string>().Should().Be("gh2");
    }

    [Test]
    public void A_machine_with_no_configs_but_its_own_items_joins_by_merging_not_by_taking_the_remote()
    {
        var remote = Shared("{\"files\":{\"agents/theirs.md\":" + File("theirs\n") + "}}");
        var local = Doc("{\"configs\":[],\"settings\":{\"s3Sync\":{\"bucket\":\"b\",\"claudeCode\":{\"kinds\":[\"agents\",\"mcp-servers\"]}}},"
            + "\"claudeCode\":{\"mcpServers\":{\"mine\":{\"value\":{\"command\":\"x\"}}}}}");

        foreach (var request in new SyncRequest[] { new SyncRequest.TwoWay(), new SyncRequest.Join(RewriteRemote: false) })
        {
            var plan = Planning.Decide(Inputs(local, remote, null), request, SyncAnswers.None with { Join = JoinMode.Merge }).Should().BeOfType<SyncDecision.Done>().Subject.Plan;
            ClaudeSection.Get(Section(plan.Result), ClaudeItemIds.Mcp("mine")).Should().NotBeNull(request.ToString());
            Text(plan.Result, "agents/theirs.md").Should().Be("theirs\n");
            ClaudeSection.Get(Section(plan.Upload), ClaudeItemIds.Mcp("mine")).Should().NotBeNull();
        }
    }

    [Test]
    public void A_local_only_file_never_leaves_the_machine()
    {
        var local = Machine("\"agents\"", "{\"files\":{\"agents/private.md\":" + File("mine\n") + ",\"agents/shared.md\":" + File("ours\n") + "}}",
            localOnly: "\"file:agents/private.md\"");

        var plan = Planning.Plan(Inputs(local, null, null));

        Text(plan.Upload, "agents/shared.md").Should().Be("ours\n");
        ClaudeSection.Get(Section(plan.Upload), ClaudeItemIds.File("agents/private.md")).Should().BeNull();
    }

    [Test]
    public void A_remote_that_deleted_every_carried_item_is_asked_about_not_applied()
    {
        var agreed = Shared("{\"files\":{\"agents/a.md\":" + File("a\n") + ",\"agents/b.md\":" + File("b\n") + "}}");
        var remote = Shared("{\"files\":{\"agents/a.md\":{\"deleted\":true},\"agents/b.md\":{\"deleted\":true}}}");
        var local = Machine("\"agents\"", "{\"files\":{\"agents/a.md\":" + File("a\n") + ",\"agents/b.md\":" + File("b\n") + "}}");
        var inputs = Inputs(local, remote, agreed);

        Planning.Decide(inputs).Should().BeOfType<SyncDecision.Ask>().Which.Question.Should().BeOfType<SyncQuestion.EmptiedRemote>()
            .Which.Why.Should().Contain("Claude Code");
        Text(Planning.Resolve(inputs, ConflictSide.Local).Upload, "agents/a.md").Should().Be("a\n");
        Text(Planning.Resolve(inputs, ConflictSide.Remote).Result, "agents/a.md").Should().BeNull();
    }

    [Test]
    public void A_document_without_the_section_reads_as_before_and_an_unknown_field_in_it_survives()
    {
        var agreed = Shared("{\"files\":{},\"hooksFiles\":{\"x\":1}}");
        var local = Machine("\"agents\"", "{\"files\":{\"agents/a.md\":" + File("a\n") + "}}");

        var plan = Planning.Plan(Inputs(local, agreed, agreed));

        Section(plan.Upload)!["hooksFiles"]!.ToJsonString().Should().Be("{\"x\":1}");
        Section(Planning.Plan(Inputs(Doc("{\"configs\":[" + Config + "]}"), Shared(null), Shared(null))).Result).Should().BeNull();
    }

    [TestCase("{\"files\":{\"../outside.md\":{\"text\":\"x\"}}}", "file ../outside.md")]
    [TestCase("{\"files\":{\"/etc/passwd\":{\"text\":\"x\"}}}", "file /etc/passwd")]
    [TestCase("{\"files\":{\"agents/../../x\":{\"text\":\"x\"}}}", "file agents/../../x")]
    [TestCase("{\"files\":{\"notes/x.md\":{\"text\":\"x\"}}}", "file notes/x.md")]
    [TestCase("{\"files\":{\"agents/a\\u001b[31m.md\":{\"text\":\"x\"}}}", "file agents/a\\u001b[31m.md")]
    [TestCase("{\"files\":{\"agents\\\\x.md\":{\"text\":\"x\"}}}", "file agents\\x.md")]
    [TestCase("{\"files\":{\"agents/x.md\":{\"text\":5}}}", "file agents/x.md")]
    [TestCase("{\"mcpServers\":{\"gh\":{\"value\":\"not an object\"}}}", "MCP server gh")]
    [TestCase("{\"files\":{\"agents/zz\":{\"text\":\"x\"},\"agents/zz/x.md\":{\"text\":\"y\"}}}", "file agents/zz/x.md")]
    public void A_hostile_section_is_refused_when_read_naming_the_item(string section, string named)
    {
        var act = () => Doc("{\"configs\":[],\"claudeCode\":" + section + "}");

        act.Should().Throw<DocumentFormatException>().Which.Message.Should().Contain(named).And.NotContain("\u001b");
    }

    [Test]
    public void A_conflict_on_the_settings_key_env_masks_every_value()
    {
        var agreed = Shared("{\"settings\":{\"env\":{\"value\":{\"ANTHROPIC_API_KEY\":\"sk-ant-api03-base-0000000000\"}}}}");
        var remote = Shared("{\"settings\":{\"env\":{\"value\":{\"ANTHROPIC_API_KEY\":\"sk-ant-api03-remote-SECRET-1111\"}}}}");
        var local = Machine("\"settings:env\"", "{\"settings\":{\"env\":{\"value\":{\"ANTHROPIC_API_KEY\":\"sk-ant-api03-local-SECRET-2222\"}}}}");

        var conflict = Planning.Decide(Inputs(local, remote, agreed)).Should().BeOfType<SyncDecision.Ask>().Subject.Question
            .Should().BeOfType<SyncQuestion.Conflicts>().Subject.Items.Should().ContainSingle().Subject;

        (conflict.Describe(ConflictSide.Local) + conflict.Describe(ConflictSide.Remote)).Should().NotContain("SECRET").And.Contain("ANTHROPIC_API_KEY");
    }

    [Test]
    public void Too_many_files_or_too_large_a_file_is_refused_with_the_limit()
    {
        var many = string.Join(",", Enumerable.Range(0, ClaudeSection.MaxFiles + 1).Select(i => $"\"agents/{i}.md\":{{\"text\":\"x\"}}"));
        var tooMany = () => Doc("{\"configs\":[],\"claudeCode\":{\"files\":{" + many + "}}}");
        tooMany.Should().Throw<DocumentFormatException>().WithMessage("*more than the 2,000*");

        var big = () => ConfigDocument.FromRoot(new JsonObject { ["claudeCode"] = new JsonObject { ["files"] = new JsonObject { ["CLAUDE.md"] = ClaudeSection.FileItem(new string('x', ClaudeSection.MaxFileBytes + 1)) } } });
        var check = () => ClaudeSection.Check(big().Root, "test");
        check.Should().Throw<DocumentFormatException>().WithMessage("*larger than the 1,024 KiB*");
    }
}
