using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests;

public class ThreeWayMergeTests
{
    private static ConfigDocument Doc(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    private static ConfigDocument Configs(params string[] configs) =>
        Doc("{\"configs\":[" + string.Join(",", configs) + "],\"settings\":{\"overrideClaudeCommand\":false}}");

    private static string C(string name, string model = "m0", string? id = null) =>
        id is null ? $"{{\"name\":\"{name}\",\"model\":\"{model}\"}}" : $"{{\"id\":\"{id}\",\"name\":\"{name}\",\"model\":\"{model}\"}}";

    private static IEnumerable<string> Summary(ConfigDocument d) => d.LiveConfigs.Select(c => $"{c.Name}:{c.Model}");

    [Test]
    public void Changes_to_different_configs_on_each_side_are_both_kept()
    {
        var b = Configs(C("a"), C("b"));
        var l = Configs(C("a", "m1"), C("b"), C("local-new"));
        var r = Configs(C("a"), C("b", "m2"), C("remote-new"));

        var outcome = ThreeWayMerge.Merge(b, l, r);

        outcome.HasConflicts.Should().BeFalse();
        Summary(outcome.Merged).Should().Equal("a:m1", "b:m2", "remote-new:m0", "local-new:m0");
    }

    [Test]
    public void A_delete_on_one_side_and_nothing_on_the_other_deletes_it()
    {
        var b = Configs(C("a"), C("b"));

        ThreeWayMerge.Merge(b, Configs(C("a")), b).Merged.LiveConfigs.Select(c => c.Name).Should().Equal("a");
        ThreeWayMerge.Merge(b, b, Configs(C("b"))).Merged.LiveConfigs.Select(c => c.Name).Should().Equal("b");
    }

    [Test]
    public void A_delete_on_one_side_and_an_edit_on_the_other_is_a_conflict()
    {
        var b = Configs(C("a"), C("b"));

        var outcome = ThreeWayMerge.Merge(b, Configs(C("a")), Configs(C("a"), C("b", "edited")));

        outcome.Conflicts.Should().ContainSingle().Which.Label.Should().Be("config b");
        outcome.Conflicts[0].Describe(ConflictSide.Local).Should().Be("deleted");
        Summary(outcome.Resolve(_ => ConflictSide.Remote)).Should().Equal("a:m0", "b:edited");
    }

    [Test]
    public void The_same_config_edited_differently_is_a_conflict_decided_per_config()
    {
        var b = Configs(C("a"), C("b"));
        var l = Configs(C("a", "local"), C("b", "local"));
        var r = Configs(C("a", "remote"), C("b", "remote"));

        var outcome = ThreeWayMerge.Merge(b, l, r);

        outcome.Conflicts.Select(c => c.Label).Should().Equal("config a", "config b");
        Summary(outcome.Resolve(c => c.Label == "config a" ? ConflictSide.Local : ConflictSide.Remote)).Should().Equal("a:local", "b:remote");
    }

    [Test]
    public void The_same_edit_on_both_sides_is_no_conflict()
    {
        var outcome = ThreeWayMerge.Merge(Configs(C("a")), Configs(C("a", "same")), Configs(C("a", "same")));

        outcome.HasConflicts.Should().BeFalse();
        Summary(outcome.Merged).Should().Equal("a:same");
    }

    [Test]
    public void A_tombstone_from_the_original_tool_propagates_like_a_delete()
    {
        var b = Configs(C("a", id: "1"));
        var r = Configs("{\"id\":\"1\",\"name\":\"a\",\"isDeleted\":true,\"deletedAt\":\"2026-01-01T00:00:00Z\"}");

        var merged = ThreeWayMerge.Merge(b, b, r).Merged;

        merged.Configs.Should().ContainSingle().Which.IsDeleted.Should().BeTrue();
        merged.LiveConfigs.Should().BeEmpty();
    }

    [Test]
    public void Configs_are_matched_by_id_so_a_rename_is_an_edit()
    {
        var b = Configs(C("old-name", id: "x"));

        var merged = ThreeWayMerge.Merge(b, Configs(C("new-name", id: "x")), Configs(C("old-name", "m9", id: "x")));

        merged.Conflicts.Should().ContainSingle("both sides changed config x");
    }

    [Test]
    public void Settings_merge_key_by_key_and_s3Sync_stays_local()
    {
        var b = Doc("""{"configs":[],"settings":{"a":1,"b":1,"c":1}}""");
        var l = Doc("""{"configs":[],"settings":{"a":2,"b":1,"c":1,"s3Sync":{"bucket":"mine"}}}""");
        var r = Doc("""{"configs":[],"settings":{"a":1,"b":3,"d":4,"s3Sync":{"bucket":"theirs"}}}""");

        var merged = ThreeWayMerge.Merge(b, l, r).Merged;

        var settings = JsonNode.Parse(merged.ToUtf8Bytes())!["settings"]!.AsObject();
        settings.Select(p => $"{p.Key}={(p.Key == "s3Sync" ? p.Value!["bucket"] : p.Value)}").Should().BeEquivalentTo(["a=2", "b=3", "d=4", "s3Sync=mine"]);
    }

    [Test]
    public void Unknown_fields_and_explicit_nulls_survive_a_merge()
    {
        var b = Doc("""{"version":3,"future":{"x":null},"configs":[{"name":"a","f":null}],"settings":{"n":null}}""");
        var l = Doc("""{"version":3,"future":{"x":null},"configs":[{"name":"a","f":null},{"name":"b"}],"settings":{"n":null}}""");

        var merged = ThreeWayMerge.Merge(b, l, b).Merged;

        var root = JsonNode.Parse(merged.ToUtf8Bytes())!;
        root["future"]!.ToJsonString().Should().Be("{\"x\":null}");
        root["configs"]![0]!.AsObject().ContainsKey("f").Should().BeTrue();
        root["settings"]!.AsObject().ContainsKey("n").Should().BeTrue();
        ((int)root["version"]!).Should().Be(3);
    }

    [Test]
    public void Without_a_base_both_sides_adding_the_same_config_differently_conflicts()
    {
        ThreeWayMerge.Merge(null, Configs(C("a", "x")), Configs(C("a", "y"))).HasConflicts.Should().BeTrue();
    }
}
