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

    // Issue 26 item G: one rule for every field, wherever it comes from (FieldValue.Problem, as add and --set apply it).
    [Test]
    public void A_field_add_would_refuse_is_dropped_and_an_invalid_name_replaced_with_one_warning()
    {
        var document = Doc("""
            {"configs":[
              {"name":"work","baseUrl":"file:///etc/passwd","permissionMode":"yolo","apiKey":"sk-ant-SECRET","isDefault":true},
              {"name":"","model":"m"},
              {"name":"two\nlines","httpProxy":"","maxThinkingTokens":-1,"order":3}
            ]}
            """);

        var repair = DocumentInvariants.Repair(document, "the remote document");

        repair.Document.LiveConfigs.Select(c => c.Name).Should().Equal("work", "unnamed", "unnamed (2)");
        var work = repair.Document.LiveConfigs[0].Node;
        work.ContainsKey("baseUrl").Should().BeFalse();
        work.ContainsKey("permissionMode").Should().BeFalse();
        work["apiKey"]!.GetValue<string>().Should().Be("sk-ant-SECRET", "a valid field is kept");
        repair.Document.LiveConfigs[2].Node.ContainsKey("maxThinkingTokens").Should().BeFalse();
        repair.Document.LiveConfigs[2].Node["httpProxy"]!.GetValue<string>().Should().BeEmpty("an empty string is an unset field, as the original writes it");
        repair.Document.LiveConfigs[2].Order.Should().Be(3);
        repair.Warning.Should().StartWith("the remote document broke the rules").And.Contain("dropped baseUrl of 'work'").And.NotContain("SECRET").And.NotContain("passwd");
        repair.Warning!.Split('\n').Should().ContainSingle();
    }

    [Test]
    public void A_document_whose_fields_keep_the_rule_is_returned_as_it_is()
    {
        var document = Doc("""{"configs":[{"name":"a","baseUrl":"https://api.example.com","permissionMode":"plan","enabled":true,"order":1,"maxThinkingTokens":1024,"isDefault":true}]}""");

        DocumentInvariants.Repair(document, "x").Document.Should().BeSameAs(document);
    }
}

internal static class LetExtension
{
    public static void Let<T>(this T value, Action<T> action) => action(value);
}
