using StartClaude.Abstractions;

namespace StartClaude.Core.Tests;

public class ClosestWordsTests
{
    private static readonly string[] Commands = ["list", "show", "add", "edit", "remove", "default", "s3-setup", "s3-upload", "s3-download", "s3-sync", "s3-status", "backups", "help"];

    [TestCase("lsit", "list")]
    [TestCase("s3-synk", "s3-sync")]
    [TestCase("s3-stauts", "s3-status")]
    [TestCase("upload", "s3-upload")]
    [TestCase("HELP", "help")]
    public void A_slip_finds_the_command_meant(string typed, string expected) =>
        ClosestWords.To(typed, Commands).Should().StartWith(expected);

    [TestCase("work")]
    [TestCase("xyzzy")]
    [TestCase("")]
    public void A_word_far_from_every_candidate_finds_none(string typed) =>
        ClosestWords.To(typed, Commands).Should().BeEmpty();

    [Test]
    public void A_swap_of_two_neighbours_is_one_edit() =>
        ClosestWords.Distance("lsit", "list").Should().Be(1);

    [TestCase("us-est-1", "us-east-1")]
    [TestCase("us-west-4", "us-west-004")]
    public void Region_typos_find_the_listed_region(string typed, string expected)
    {
        var known = new KnownRegions("test", ["us-east-1", "us-east-2", "us-west-004", "eu-central-003"]);

        known.Problem(typed).Should().Contain($"did you mean {expected}");
        known.Problem(expected).Should().BeNull();
    }
}
