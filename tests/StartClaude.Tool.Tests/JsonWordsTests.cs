using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Tests;

/// <summary>The --json words are a contract: spelled in one table, each listed in docs/json.md.</summary>
public class JsonWordsTests
{
    private static string Docs()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "docs", "json.md")))
            folder = folder.Parent;
        return File.ReadAllText(Path.Combine(folder!.FullName, "docs", "json.md"));
    }

    [Test]
    public void Every_outcome_state_and_question_word_is_documented()
    {
        var docs = Docs();

        foreach (var word in JsonWords.All)
            docs.Should().Contain($"`{word}`", $"docs/json.md must list the --json word '{word}'");
    }

    [Test]
    public void One_word_per_outcome_whichever_command_reports_it()
    {
        JsonWords.Outcome(SyncOutcome.NothingToDo).Should().Be("unchanged");
        Enum.GetValues<SyncOutcome>().Select(JsonWords.Outcome).Should().OnlyHaveUniqueItems();
        Enum.GetValues<SyncState>().Select(JsonWords.State).Should().OnlyHaveUniqueItems();
        Docs().Should().NotContain("nothing-to-do", "s3-sync says 'unchanged' as s3-download and s3-restore do");
    }
}
