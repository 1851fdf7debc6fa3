using System.Text;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests;

/// <summary>One name key (issue 22 item 6): " work", "Work" and "work" are one name when typed, matched and repaired.</summary>
public class ConfigNameKeyTests
{
    private static ConfigDocument Doc(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    [Test]
    public void A_name_stored_with_white_space_around_it_is_found_by_the_name_a_person_types()
    {
        var document = Doc("{\"configs\":[{\"name\":\" work \",\"model\":\"m\",\"isDefault\":true}]}");

        ConfigBook.Find(document, "WORK").Should().NotBeNull();
    }

    [Test]
    public void Two_documents_naming_one_config_with_and_without_white_space_pair_it_and_do_not_duplicate_it()
    {
        var local = Doc("{\"configs\":[{\"name\":\"work \",\"model\":\"m\",\"isDefault\":true}]}");
        var remote = Doc("{\"configs\":[{\"name\":\"work\",\"model\":\"m\",\"isDefault\":true}]}");

        ConfigIdentity.Pair(local.LiveConfigs, remote.LiveConfigs).Should().ContainSingle();
        DocumentDifference.Between(local, remote).OnlyLocal.Should().BeEmpty();
    }

    [Test]
    public void A_document_holding_both_keeps_one_name_per_config_after_repair()
    {
        var document = Doc("{\"configs\":[{\"name\":\"work\",\"model\":\"a\",\"isDefault\":true},{\"name\":\" Work\",\"model\":\"b\"}]}");

        var repaired = DocumentInvariants.Repair(document, "test").Document;

        repaired.LiveConfigs.Select(c => c.Name!.Trim().ToLowerInvariant()).Should().OnlyHaveUniqueItems();
        repaired.LiveConfigs.Should().HaveCount(2, "nothing is lost: the second is renamed");
    }
}
