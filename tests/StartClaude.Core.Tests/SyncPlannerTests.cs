using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests;

/// <summary>
/// The planner as a table: every row of docs/sync.md's decision table, then the edge cases of
/// joining a machine that already has configs.
/// </summary>
public class SyncPlannerTests
{
    private const string RemoteETag = "\"remote-etag\"";

    private static ConfigDocument Doc(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    private static ConfigDocument Configs(params string[] configs) =>
        Doc("{\"configs\":[" + string.Join(",", configs) + "],\"settings\":{}}");

    private static string C(string name, string model = "m0", string? id = null, bool isDefault = false) =>
        "{" + (id is null ? "" : $"\"id\":\"{id}\",") + $"\"name\":\"{name}\",\"model\":\"{model}\",\"isDefault\":{(isDefault ? "true" : "false")}}}";

    private static SyncInputs Inputs(ConfigDocument local, ConfigDocument? remote, ConfigDocument? baseDocument) => new(
        local,
        remote is null ? null : new RemoteSnapshot(remote, new RemoteObjectInfo(100, null, RemoteETag), Downloaded: true),
        baseDocument is null ? null : new SyncBase("\"base-etag\"", baseDocument.SharedContentHash(), baseDocument),
        ConditionalWrites: true);

    private static IEnumerable<string> Summary(ConfigDocument d) => d.LiveConfigs.Select(c => $"{c.Name}:{c.Model}{(c.IsDefault ? "*" : "")}");

    // --- The decision table, row by row ---

    [Test]
    public void Same_and_same_is_nothing_to_do()
    {
        var b = Configs(C("a", isDefault: true));

        var inputs = Inputs(b, b, b);
        var plan = Planning.Plan(inputs);

        plan.State.Should().Be(SyncState.InSync);
        plan.Outcome.Should().Be(SyncOutcome.NothingToDo);
        plan.Condition.Should().BeNull();
        plan.WritesLocal.Should().BeFalse();
    }

    [Test]
    public void Changed_here_only_uploads_conditional_on_the_remote_etag()
    {
        var b = Configs(C("a", isDefault: true));
        var l = Configs(C("a", "m1", isDefault: true));

        var inputs = Inputs(l, b, b);
        var plan = Planning.Plan(inputs);

        plan.State.Should().Be(SyncState.LocalChanges);
        plan.Outcome.Should().Be(SyncOutcome.Uploaded);
        plan.Condition.Should().Be(new WriteCondition.MustMatch(RemoteETag));
        plan.LocalChanges!.DescribeChanges().Should().Equal("changed: a");
        plan.RemoteChanges.Should().BeNull();
    }

    [Test]
    public void Changed_remotely_only_downloads_without_a_question()
    {
        var b = Configs(C("a", isDefault: true));
        var r = Configs(C("a", isDefault: true), C("b"));

        var inputs = Inputs(b, r, b);
        var plan = Planning.Plan(inputs);

        plan.State.Should().Be(SyncState.RemoteChanges);
        plan.Outcome.Should().Be(SyncOutcome.Downloaded);
        plan.Condition.Should().BeNull();
        Planning.Undecided(inputs).Should().BeFalse();
        plan.RemoteChanges!.DescribeChanges().Should().Equal("added:   b");
        Summary(plan.Result).Should().Equal("a:m0*", "b:m0");
    }

    [Test]
    public void Changed_on_both_sides_in_different_configs_merges_without_a_conflict()
    {
        var b = Configs(C("a", isDefault: true), C("b"));
        var l = Configs(C("a", "m1", isDefault: true), C("b"));
        var r = Configs(C("a", isDefault: true), C("b", "m2"));

        var inputs = Inputs(l, r, b);
        var plan = Planning.Plan(inputs);

        plan.State.Should().Be(SyncState.BothChanged);
        plan.Outcome.Should().Be(SyncOutcome.Merged);
        plan.Conflicts.Should().BeEmpty();
        Summary(plan.Result).Should().Equal("a:m1*", "b:m2");
        plan.Condition.Should().Be(new WriteCondition.MustMatch(RemoteETag));
    }

    [Test]
    public void The_same_config_changed_differently_on_both_sides_is_a_conflict_decided_per_config()
    {
        var b = Configs(C("a", isDefault: true));
        var inputs = Inputs(Configs(C("a", "mine", isDefault: true)), Configs(C("a", "theirs", isDefault: true)), b);
        var plan = Planning.Plan(inputs);

        Planning.Undecided(inputs).Should().BeTrue();
        plan.Conflicts.Select(c => c.Label).Should().Equal("config a");
        Summary(Planning.Resolve(inputs, ConflictSide.Local).Result).Should().Equal("a:mine*");
        Summary(Planning.Resolve(inputs, ConflictSide.Remote).Result).Should().Equal("a:theirs*");
    }

    [Test]
    public void No_base_and_no_local_configs_downloads()
    {
        var inputs = Inputs(ConfigDocument.CreateEmpty(), Configs(C("a", isDefault: true)), null);
        var plan = Planning.Plan(inputs);

        plan.Outcome.Should().Be(SyncOutcome.Downloaded);
        Summary(plan.Result).Should().Equal("a:m0*");
    }

    [Test]
    public void No_remote_uploads_on_condition_that_none_appears_meanwhile()
    {
        var inputs = Inputs(Configs(C("a", isDefault: true)), null, null);
        var plan = Planning.Plan(inputs);

        plan.State.Should().Be(SyncState.NoRemoteDocument);
        plan.Outcome.Should().Be(SyncOutcome.Uploaded);
        plan.Condition.Should().Be(new WriteCondition.MustNotExist());
    }

    [Test]
    public void No_remote_and_nothing_here_is_nothing_to_do()
    {
        Planning.Plan(Inputs(ConfigDocument.CreateEmpty(), null, null)).Outcome.Should().Be(SyncOutcome.NothingToDo);
    }

    [Test]
    public void No_base_and_both_hold_configs_merges_against_an_empty_base()
    {
        var l = Configs(C("same", isDefault: true), C("differs", "here"), C("only-here"));
        var r = Configs(C("same", isDefault: true), C("differs", "there"), C("only-there"));

        var inputs = Inputs(l, r, null);
        var plan = Planning.Plan(inputs);

        plan.State.Should().Be(SyncState.DifferNeverSynced);
        plan.Conflicts.Select(c => c.Label).Should().Equal("config differs");
        var merged = Planning.Resolve(inputs, ConflictSide.Remote);
        Summary(merged.Result).Should().Equal("same:m0*", "differs:there", "only-there:m0", "only-here:m0");
        merged.Outcome.Should().Be(SyncOutcome.Merged);
        merged.LocalChanges!.DescribeChanges().Should().Contain("added:   only-here").And.NotContain("added:   only-there");
        merged.RemoteChanges!.DescribeChanges().Should().Contain("added:   only-there").And.NotContain("added:   only-here");
    }

    // --- Edge cases ---

    [Test]
    public void The_same_name_with_other_ids_is_one_config_under_the_remotes_id()
    {
        var l = Configs(C("shared", id: "id-b", isDefault: true));
        var r = Configs(C("shared", id: "id-a", isDefault: true));

        var inputs = Inputs(l, r, null);
        var plan = Planning.Plan(inputs);

        plan.Conflicts.Should().BeEmpty();
        plan.Result.LiveConfigs.Should().ContainSingle().Which.Id.Should().Be("id-a");
        plan.Outcome.Should().Be(SyncOutcome.Downloaded, "only this machine's copy changes: it takes the id the other devices know");
    }

    [Test]
    public void Names_differing_only_in_case_are_one_config()
    {
        var l = Configs(C("work", "same", isDefault: true));
        var r = Configs(C("Work", "same", isDefault: true));

        var inputs = Inputs(l, r, null);
        var plan = Planning.Plan(inputs);

        plan.Conflicts.Select(c => c.Label).Should().Equal("config work");
        Summary(Planning.Resolve(inputs, ConflictSide.Remote).Result).Should().Equal("Work:same*");
        Summary(Planning.Resolve(inputs, ConflictSide.Local).Result).Should().Equal("work:same*");
    }

    [Test]
    public void A_remote_with_two_defaults_and_case_twins_is_repaired_with_one_warning()
    {
        var r = Configs(C("Work", "a", isDefault: true), C("WORK", "b", isDefault: true), C("home", isDefault: true));

        var inputs = Inputs(ConfigDocument.CreateEmpty(), r, null);
        var plan = Planning.Plan(inputs);

        plan.Warnings.Should().ContainSingle().Which.Should().Contain("the remote document").And.Contain("renamed 'WORK' to 'WORK (2)'").And.Contain("only default");
        Summary(plan.Result).Should().Equal("Work:a*", "WORK (2):b", "home:m0");
        plan.Outcome.Should().Be(SyncOutcome.Merged, "the repaired document replaces the broken one in the bucket too");
    }

    [Test]
    public void A_tombstone_on_one_side_and_an_edit_on_the_other_is_a_conflict()
    {
        var b = Configs(C("keep", id: "k", isDefault: true), C("gone", id: "g"));
        var l = Configs(C("keep", id: "k", isDefault: true), C("gone", "edited", id: "g"));
        var r = Doc("""{"configs":[{"id":"k","name":"keep","model":"m0","isDefault":true},{"id":"g","name":"gone","isDeleted":true,"deletedAt":"2026-01-01T00:00:00.000Z"}],"settings":{}}""");

        var inputs = Inputs(l, r, b);
        var plan = Planning.Plan(inputs);

        plan.Conflicts.Should().ContainSingle().Which.Describe(ConflictSide.Remote).Should().Be("deleted");
        Summary(Planning.Resolve(inputs, ConflictSide.Remote).Result).Should().Equal("keep:m0*");
        Summary(Planning.Resolve(inputs, ConflictSide.Local).Result).Should().Equal("keep:m0*", "gone:edited");
    }

    [TestCase(ConflictSide.Local)]
    [TestCase(ConflictSide.Remote)]
    public void A_config_on_one_side_only_is_kept_whichever_side_is_preferred(ConflictSide prefer)
    {
        var l = Configs(C("shared", "here", isDefault: true), C("onlyb"));
        var r = Configs(C("shared", "there", isDefault: true), C("onlya"));

        var result = Planning.Resolve(Inputs(l, r, null), prefer).Result;

        result.LiveConfigs.Select(c => c.Name).Should().BeEquivalentTo(["shared", "onlya", "onlyb"]);
        result.LiveConfigs.Single(c => c.Name == "shared").Model.Should().Be(prefer == ConflictSide.Local ? "here" : "there");
        result.LiveConfigs.Count(c => c.IsDefault).Should().Be(1);
    }

    [TestCase("""{"configs":[],"settings":{}}""", "holds no configs")]
    [TestCase("{}", "not a config document")]
    public void An_emptied_remote_is_flagged_and_not_applied_without_a_decision(string remote, string why)
    {
        var b = Configs(C("a", isDefault: true), C("b"));

        var inputs = Inputs(b, Doc(remote), b);

        Planning.Decide(inputs).Should().BeOfType<SyncDecision.Ask>().Which.Question.Should().BeOfType<SyncQuestion.EmptiedRemote>()
            .Which.Why.Should().Contain(why);
        var kept = Planning.Resolve(inputs, ConflictSide.Local);
        kept.Outcome.Should().Be(SyncOutcome.Uploaded);
        kept.Condition.Should().Be(new WriteCondition.MustMatch(RemoteETag));
        Summary(kept.Result).Should().Equal("a:m0*", "b:m0");
        Planning.Resolve(inputs, ConflictSide.Remote).Result.LiveConfigs.Should().BeEmpty();
        Planning.Decide(inputs, new SyncRequest.Download(DownloadMode.Plain)).Should().BeOfType<SyncDecision.Ask>()
            .Which.Question.Should().BeOfType<SyncQuestion.EmptiedRemote>().Which.Why.Should().Contain(why);
        Planning.Decide(inputs, new SyncRequest.Download(DownloadMode.Replace)).Should().BeOfType<SyncDecision.Done>();
    }

    [Test]
    public void A_document_the_original_node_tool_wrote_joins_keeping_ids_tombstones_and_unknown_fields()
    {
        var node = Doc("""
            {"version":3,"configs":[
              {"id":"n1","name":"work","profileType":"default","apiKey":"sk-ant-x","isDefault":true,"order":0,"futureField":{"x":1}},
              {"id":"n2","name":"old","isDeleted":true,"deletedAt":"2026-01-01T00:00:00.000Z"}],
             "settings":{"overrideClaudeCommand":false,"balanceMode":{"enableByDefault":false}}}
            """);
        var local = Configs(C("laptop", id: "l1", isDefault: true), C("OLD", id: "l2"));

        var inputs = Inputs(local, node, null);
        var plan = Planning.Plan(inputs);

        plan.Conflicts.Should().BeEmpty();
        var result = plan.Result;
        result.Version.Should().Be(3);
        result.Configs.Should().Contain(c => c.Id == "n2" && c.IsDeleted, "a tombstone matches by id only, never a live config's name");
        result.LiveConfigs.Select(c => c.Name).Should().Equal("work", "laptop", "OLD");
        result.LiveConfigs.Single(c => c.IsDefault).Name.Should().Be("work", "joining keeps the remote's default");
        result.LiveConfigs[0].Node["futureField"]!["x"]!.GetValue<int>().Should().Be(1);
        result.CanonicalJson().Should().Contain("balanceMode");
    }

    [Test]
    public void Download_with_nothing_changed_here_takes_the_remote_without_a_choice()
    {
        var b = Configs(C("a", isDefault: true));
        var r = Configs(C("a", "new", isDefault: true));

        var plan = Planning.Decide(Inputs(b, r, b), new SyncRequest.Download(DownloadMode.Plain)).Should().BeOfType<SyncDecision.Done>().Which.Plan;

        plan.Outcome.Should().Be(SyncOutcome.Downloaded);
        Summary(plan.Result).Should().Equal("a:new*");
        Planning.Decide(Inputs(Configs(C("a", "mine", isDefault: true)), r, b), new SyncRequest.Download(DownloadMode.Plain))
            .Should().BeOfType<SyncDecision.Ask>().Which.Question.Should().BeOfType<SyncQuestion.DownloadChoice>();
    }

    [Test]
    public void Upload_refuses_to_empty_a_remote_that_holds_configs_unless_forced()
    {
        var r = Configs(C("a", isDefault: true));

        Planning.Decide(Inputs(ConfigDocument.CreateEmpty(), r, null), new SyncRequest.Upload(Force: false))
            .Should().BeOfType<SyncDecision.Refuse>().Which.Reason.Should().Contain("--force");
        var forced = Planning.Decide(Inputs(ConfigDocument.CreateEmpty(), r, null), new SyncRequest.Upload(Force: true));
        forced.Should().BeOfType<SyncDecision.Done>().Which.Plan.Condition.Should().Be(new WriteCondition.Unconditional());
    }

    [Test]
    public void Every_result_holds_the_rules_one_default_and_unique_names()
    {
        // Both sides renamed different configs to the same name since the base.
        var b = Configs(C("a", id: "1", isDefault: true), C("b", id: "2"));
        var l = Configs(C("x", id: "1", isDefault: true), C("b", id: "2"));
        var r = Configs(C("a", id: "1", isDefault: true), C("X", "other", id: "2"));

        var result = Planning.Plan(Inputs(l, r, b)).Result;

        result.LiveConfigs.Select(c => c.Name!.ToUpperInvariant()).Should().OnlyHaveUniqueItems();
        result.LiveConfigs.Count(c => c.IsDefault).Should().Be(1);
    }
}
