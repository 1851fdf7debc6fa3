using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Tests;

public class ConfigBookTests
{
    private static ConfigDocument Parse(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    private static JsonObject Config(string name, string? baseUrl = null) =>
        baseUrl is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["baseUrl"] = baseUrl };

    [Test]
    public void The_first_config_added_becomes_the_default_and_gets_an_id()
    {
        var edit = ConfigBook.Add(ConfigDocument.CreateEmpty(), Config("work"));

        var work = ConfigBook.Get(edit.Document, "WORK");
        work.IsDefault.Should().BeTrue();
        Guid.TryParse(work.Id, out _).Should().BeTrue();
    }

    [Test]
    public void A_later_config_is_not_the_default_unless_asked_and_then_it_is_the_only_one()
    {
        var document = ConfigBook.Add(ConfigDocument.CreateEmpty(), Config("work")).Document;
        document = ConfigBook.Add(document, Config("home")).Document;
        ConfigBook.Default(document)!.Name.Should().Be("work");

        var asked = Config("lab");
        asked["isDefault"] = true;
        document = ConfigBook.Add(document, asked).Document;

        document.LiveConfigs.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal("lab");
    }

    [TestCase("work")]
    [TestCase("WORK")]
    [TestCase(" Work ")]
    public void Names_are_unique_ignoring_case(string name)
    {
        var document = ConfigBook.Add(ConfigDocument.CreateEmpty(), Config("work")).Document;

        var act = () => ConfigBook.Add(document, Config(name));

        act.Should().Throw<UsageException>().WithMessage("*'work' already exists*");
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_name_cannot_be_empty(string name) =>
        FluentActions.Invoking(() => ConfigBook.Add(ConfigDocument.CreateEmpty(), Config(name)))
            .Should().Throw<UsageException>().WithMessage("*cannot be empty*");

    [TestCase("api.example.com")]
    [TestCase("ftp://example.com")]
    [TestCase("/v1")]
    public void A_base_url_must_be_an_absolute_http_url(string url) =>
        FluentActions.Invoking(() => ConfigBook.Add(ConfigDocument.CreateEmpty(), Config("work", url)))
            .Should().Throw<UsageException>().WithMessage("*baseUrl must be an absolute http*");

    [Test]
    public void An_edit_keeps_fields_this_version_does_not_know()
    {
        var document = Parse("""{"configs":[{"name":"work","isDefault":true,"futureField":{"a":[1,2]},"model":"m1"}],"settings":{"x":1}}""");

        var edited = ConfigBook.Update(document, "work", c => c["model"] = "m2").Document;

        var work = ConfigBook.Get(edited, "work");
        work.Model.Should().Be("m2");
        work.Node["futureField"]!.ToJsonString().Should().Be("""{"a":[1,2]}""");
        edited.CanonicalJson().Should().Contain("\"x\":1");
    }

    [Test]
    public void Renaming_onto_another_name_is_refused()
    {
        var document = Parse("""{"configs":[{"name":"work","isDefault":true},{"name":"home"}]}""");

        FluentActions.Invoking(() => ConfigBook.Update(document, "home", c => c["name"] = "Work"))
            .Should().Throw<UsageException>().WithMessage("*already exists*");
        ConfigBook.Update(document, "home", c => c["name"] = "HOME").Document.LiveConfigs.Select(c => c.Name).Should().Equal("work", "HOME");
    }

    [Test]
    public void Removing_the_default_makes_the_first_remaining_config_the_default()
    {
        var document = Parse("""{"configs":[{"name":"work","isDefault":true},{"name":"b","order":2},{"name":"a","order":1}]}""");

        var edit = ConfigBook.Remove(document, "work");

        edit.NewDefault.Should().Be("a");
        edit.Document.LiveConfigs.Select(c => c.Name).Should().Equal("b", "a");
        ConfigBook.Default(edit.Document)!.Name.Should().Be("a");
    }

    [Test]
    public void In_the_original_tools_versioned_files_a_removal_leaves_a_tombstone()
    {
        var document = Parse("""{"version":3,"configs":[{"id":"1","name":"work","isDefault":true,"apiKey":"sk-secret-value-123456"},{"id":"2","name":"home"}]}""");

        var edited = ConfigBook.Remove(document, "work").Document;

        edited.LiveConfigs.Select(c => c.Name).Should().Equal("home");
        var tombstone = edited.Configs.Single(c => c.Id == "1");
        tombstone.IsDeleted.Should().BeTrue();
        tombstone.ApiKey.Should().BeNull("a tombstone keeps no secret");
    }

    [Test]
    public void Setting_the_default_clears_every_other()
    {
        var document = Parse("""{"configs":[{"name":"work","isDefault":true},{"name":"home","isDefault":true},{"name":"lab"}]}""");

        var edited = ConfigBook.SetDefault(document, "lab").Document;

        edited.LiveConfigs.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal("lab");
    }

    [Test]
    public void The_default_cannot_be_unmarked_by_an_edit()
    {
        var document = Parse("""{"configs":[{"name":"work","isDefault":true}]}""");

        FluentActions.Invoking(() => ConfigBook.Update(document, "work", c => c["isDefault"] = false))
            .Should().Throw<UsageException>().WithMessage("*is the default*");
    }

    [TestCase("wrk", "work")]
    [TestCase("prod", "production")]
    [TestCase("Home-Lab", "homelab")]
    public void An_unknown_name_suggests_close_ones(string typed, string expected)
    {
        var document = Parse("""{"configs":[{"name":"work"},{"name":"production"},{"name":"homelab"},{"name":"zzz-unrelated"}]}""");

        FluentActions.Invoking(() => ConfigBook.Get(document, typed))
            .Should().Throw<UsageException>().WithMessage($"*no config named '{typed}'; did you mean*'{expected}'*")
            .Which.Message.Should().NotContain("zzz-unrelated");
    }

    [Test]
    public void Wrong_typed_known_fields_are_refused_when_a_document_is_read()
    {
        FluentActions.Invoking(() => Parse("""{"configs":[{"name":"work","mcpTimeout":"soon"}]}"""))
            .Should().Throw<DocumentFormatException>().WithMessage("*mcpTimeout must be a number*");
        FluentActions.Invoking(() => Parse("""{"configs":[{"name":"work","disableTelemetry":"yes"}]}"""))
            .Should().Throw<DocumentFormatException>().WithMessage("*disableTelemetry must be true or false*");
    }
}
