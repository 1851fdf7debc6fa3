using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Sync;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

public class SyncPlannerTests
{
    private static ConfigDocument Parse(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    [Test]
    public void No_local_configs_and_a_remote_document_downloads()
    {
        var plan = SyncPlanner.Plan(ConfigDocument.CreateEmpty(), Parse(SampleDocuments.WithConfigs("a")));

        plan.Action.Should().Be(SyncAction.Download);
    }

    [Test]
    public void Local_configs_and_no_remote_document_uploads()
    {
        SyncPlanner.Plan(Parse(SampleDocuments.WithConfigs("a")), null).Action.Should().Be(SyncAction.Upload);
    }

    [Test]
    public void Nothing_anywhere_is_nothing_to_do()
    {
        SyncPlanner.Plan(ConfigDocument.CreateEmpty(), null).Action.Should().Be(SyncAction.NothingToDo);
    }

    [Test]
    public void Equal_content_is_nothing_to_do()
    {
        SyncPlanner.Plan(Parse(SampleDocuments.WithConfigs("a", "b")), Parse(SampleDocuments.WithConfigs("a", "b"))).Action
            .Should().Be(SyncAction.NothingToDo);
    }

    [Test]
    public void Both_sides_with_different_configs_is_a_conflict_naming_them()
    {
        var plan = SyncPlanner.Plan(Parse(SampleDocuments.WithConfigs("a", "b")), Parse(SampleDocuments.WithConfigs("a", "c")));

        plan.Action.Should().Be(SyncAction.Conflict);
        plan.Difference!.OnlyLocal.Select(c => c.Name).Should().Equal("b");
        plan.Difference.OnlyRemote.Select(c => c.Name).Should().Equal("c");
    }

    [Test]
    public void A_remote_document_without_configs_is_overwritten_by_local_configs()
    {
        SyncPlanner.Plan(Parse(SampleDocuments.WithConfigs("a")), Parse("""{"configs":[]}""")).Action.Should().Be(SyncAction.Upload);
    }

    [Test]
    public void Differences_are_described_with_secrets_masked()
    {
        var local = Parse("""{"configs":[{"name":"a","apiKey":"sk-ant-api03-LOCALSECRETVALUE-aaaa"}]}""");
        var remote = Parse("""{"configs":[{"name":"a","apiKey":"sk-ant-api03-REMOTESECRETVALUE-bbbb"}]}""");

        var lines = string.Join("\n", DocumentDifference.Between(local, remote).Describe());

        lines.Should().Contain("changed").And.Contain("sk-ant-…aaaa").And.Contain("sk-ant-…bbbb");
        lines.Should().NotContain("LOCALSECRETVALUE").And.NotContain("REMOTESECRETVALUE");
    }
}
