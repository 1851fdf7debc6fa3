using System.Text;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Tests;

public class DocumentInvariantsTests
{
    private static ConfigDocument Doc(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    [Test]
    public void A_document_that_keeps_the_rules_is_returned_as_it_is()
    {
        var document = Doc("""{"configs":[{"name":"a","isDefault":true},{"name":"b"}]}""");

        var repair = DocumentInvariants.Repair(document, "config.json");

        repair.Repaired.Should().BeFalse();
        repair.Document.Should().BeSameAs(document);
    }

    [Test]
    public void Case_twins_with_the_same_content_are_joined_and_with_other_content_renamed()
    {
        var document = Doc("""{"configs":[{"id":"1","name":"Work","model":"m","isDefault":true},{"id":"2","name":"work","model":"m"},{"id":"3","name":"WORK","model":"other"}]}""");

        var repair = DocumentInvariants.Repair(document, "config.json");

        repair.Document.LiveConfigs.Select(c => $"{c.Id}:{c.Name}").Should().Equal("1:Work", "3:WORK (2)");
        repair.Warning.Should().StartWith("config.json broke the rules").And.Contain("joined").And.Contain("renamed 'WORK' to 'WORK (2)'");
        repair.Warning!.Split('\n').Should().ContainSingle();
    }

    [Test]
    public void No_default_makes_the_first_by_order_the_default_and_several_keep_only_the_first()
    {
        Doc("""{"configs":[{"name":"a","order":2},{"name":"b","order":1}]}""")
            .Let(d => DocumentInvariants.Repair(d, "x").Document.LiveConfigs.Single(c => c.IsDefault).Name.Should().Be("b"));
        Doc("""{"configs":[{"name":"a","isDefault":true},{"name":"b","isDefault":true}]}""")
            .Let(d => DocumentInvariants.Repair(d, "x").Document.LiveConfigs.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal("a"));
    }

    [Test]
    public void Tombstones_are_never_counted_as_names_or_defaults()
    {
        var document = Doc("""{"configs":[{"id":"1","name":"a","isDeleted":true,"isDefault":true},{"id":"2","name":"a","isDefault":true}]}""");

        DocumentInvariants.Repair(document, "x").Repaired.Should().BeFalse();
    }
}

internal static class LetExtension
{
    public static void Let<T>(this T value, Action<T> action) => action(value);
}
