using System.Text;
using StartClaude.Core.ClaudeCode;

namespace StartClaude.Core.Tests;

// Every expected result here is what `git merge-file -p local base remote` (git 2.39) gives for the same
// three texts: its merged text when it exits 0, its exit code (the number of conflicts) otherwise.
public class TextMergeTests
{
    private const string Notes = "# Notes\n\n- one\n- two\n\n# Style\n\n- tabs\n";
    private const string NotesWithThree = "# Notes\n\n- one\n- two\n\n- three\n\n# Style\n\n- tabs\n";

    [Test]
    public void Equal_sides_give_that_text()
    {
        var result = TextMerge.Merge("a\nb\n", "a\nsame\n", "a\nsame\n");

        result.Should().Be(new TextMergeResult("a\nsame\n", 0));
        result.IsClean.Should().BeTrue();
    }

    [Test]
    public void A_side_equal_to_the_base_gives_the_other_side_as_it_is()
    {
        // Not even a text made of lines: nothing is diffed when one side did not change.
        TextMerge.Merge("a\nb\n", "a\nb\n", "x\r\ny").Should().Be(new TextMergeResult("x\r\ny", 0));
        TextMerge.Merge("a\nb\n", "\0binary", "a\nb\n").Should().Be(new TextMergeResult("\0binary", 0));
    }

    [Test]
    public void Changes_in_different_regions_are_both_taken()
    {
        var result = TextMerge.Merge(
            "one\ntwo\nthree\nfour\nfive\nsix\n",
            "ONE\ntwo\nthree\nthree and a half\nfour\nfive\nsix\n",
            "one\ntwo\nthree\nfour\nsix\nseven\n");

        result.Should().Be(new TextMergeResult("ONE\ntwo\nthree\nthree and a half\nfour\nsix\nseven\n", 0));
    }

    [Test]
    public void The_same_change_on_both_sides_is_taken_once()
    {
        TextMerge.Merge("a\nb\nc\nd\ne\nf\n", "a\nX\nc\nd\nE\nf\n", "a\nX\nc\nd\ne\nf\n")
            .Should().Be(new TextMergeResult("a\nX\nc\nd\nE\nf\n", 0));
        TextMerge.Merge("a\nb\nc\n", "a\nnew\nb\nc\nC\n", "a\nnew\nb\nc\n")
            .Should().Be(new TextMergeResult("a\nnew\nb\nc\nC\n", 0));
    }

    [Test]
    public void Different_changes_to_the_same_line_are_a_conflict()
    {
        var result = TextMerge.Merge("a\nb\nc\n", "a\nlocal\nc\n", "a\nremote\nc\n");

        result.Should().Be(new TextMergeResult(null, 1));
        result.IsClean.Should().BeFalse();
    }

    [TestCase("a\nB\nc\nd\ne\n", "a\nb\nC\nd\ne\n", TestName = "Edits of adjacent lines")]
    [TestCase("a\nc\nd\ne\n", "a\nb\nC\nd\ne\n", TestName = "A deletion next to an edit")]
    [TestCase("a\nb\nnew\nc\nd\ne\n", "a\nb\nC\nd\ne\n", TestName = "An insertion right before an edited line")]
    [TestCase("a\nb\nnew\nc\nd\ne\n", "a\nB\nc\nd\ne\n", TestName = "An insertion right after an edited line")]
    [TestCase("a\nb\nlocal\nc\nd\ne\n", "a\nb\nremote\nc\nd\ne\n", TestName = "Different insertions at the same point")]
    public void Changes_that_touch_with_no_unchanged_line_between_are_a_conflict(string local, string remote)
    {
        TextMerge.Merge("a\nb\nc\nd\ne\n", local, remote).Should().Be(new TextMergeResult(null, 1));
    }

    [Test]
    public void Each_conflicting_hunk_counts_and_ones_close_together_count_once()
    {
        const string Base = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";

        TextMerge.Merge(Base, "L1\n2\n3\n4\n5\n6\n7\n8\nL9\n", "R1\n2\n3\n4\n5\n6\n7\n8\nR9\n").Conflicts.Should().Be(2);
        // At most three unchanged lines between two conflicts, or only lines without a letter or digit: git shows one.
        TextMerge.Merge(Base, "L1\n2\n3\nL4\n5\n6\n7\n8\n9\n", "R1\n2\n3\nR4\n5\n6\n7\n8\n9\n").Conflicts.Should().Be(1);
        TextMerge.Merge("1\n\n\n\n\n\n7\n", "L1\n\n\n\n\n\nL7\n", "R1\n\n\n\n\n\nR7\n").Conflicts.Should().Be(1);
    }

    [Test]
    public void Crlf_lines_keep_their_bytes()
    {
        TextMerge.Merge("a\r\nb\r\nc\r\nd\r\ne\r\n", "A\r\nb\r\nc\r\nd\r\ne\r\n", "a\r\nb\r\nc\r\nD\r\ne\r\n")
            .Should().Be(new TextMergeResult("A\r\nb\r\nc\r\nD\r\ne\r\n", 0));
    }

    [Test]
    public void Changing_a_line_ending_is_an_edit_of_that_line()
    {
        TextMerge.Merge("a\nb\nc\nd\n", "a\nb\nc\nD\n", "a\nb\r\nc\nd\n")
            .Should().Be(new TextMergeResult("a\nb\r\nc\nD\n", 0));
        TextMerge.Merge("a\nb\nc\nd\n", "a\nB\nc\nd\n", "a\nb\r\nc\nd\n")
            .Should().Be(new TextMergeResult(null, 1));
    }

    [Test]
    public void A_last_line_without_a_newline_is_a_line_and_adding_the_newline_edits_it()
    {
        TextMerge.Merge("a\nb\nc", "A\nb\nc", "a\nb\nc\n").Should().Be(new TextMergeResult("A\nb\nc\n", 0));
        TextMerge.Merge("a\nb\nc", "A\nb\nc", "a\nb\nc\nd").Should().Be(new TextMergeResult("A\nb\nc\nd", 0));
        TextMerge.Merge("a\nb\nc", "a\nb\nC", "a\nb\nc\n").Should().Be(new TextMergeResult(null, 1));
    }

    [Test]
    public void Different_texts_added_to_an_empty_base_are_a_conflict()
    {
        TextMerge.Merge("", "x\n", "y\n").Should().Be(new TextMergeResult(null, 1));
        TextMerge.Merge("", "x\n", "x\n").Should().Be(new TextMergeResult("x\n", 0));
    }

    [Test]
    public void An_insertion_that_could_go_before_or_after_a_blank_line_goes_where_git_puts_it()
    {
        // Local added "- three" and a blank line; the diff can place that either before or after the blank
        // line under "- two". git places it after, right above "# Style": an edit of "- tabs" merges, an
        // edit of "# Style" touches it.
        TextMerge.Merge(Notes, NotesWithThree, Notes.Replace("- tabs", "- spaces", StringComparison.Ordinal))
            .Should().Be(new TextMergeResult(NotesWithThree.Replace("- tabs", "- spaces", StringComparison.Ordinal), 0));
        TextMerge.Merge(Notes, NotesWithThree, Notes.Replace("# Style", "# Code style", StringComparison.Ordinal))
            .Should().Be(new TextMergeResult(null, 1));
    }

    [Test]
    public void A_blank_line_added_under_an_edited_heading_slides_away_from_an_edit_below()
    {
        // The diff first finds the added blank line right under the heading, touching the heading's edit;
        // git slides an added run down as far as equal lines allow, so it sits apart from "- tabs".
        TextMerge.Merge("# Notes\n\n- tabs\n", "# My notes\n\n\n- tabs\n", "# Notes\n\n- spaces\n")
            .Should().Be(new TextMergeResult("# My notes\n\n\n- spaces\n", 0));
    }

    [Test]
    public void Among_equally_short_diffs_the_one_git_picks_decides_the_conflicts()
    {
        // Found comparing with git on random texts: "b" and "c" only the base has are set aside before the
        // search, as git does, so local is seen as inserting "a\r", "a" in the middle and the conflicts join.
        TextMerge.Merge("b\na\r\na\r\na\na\nc\n", "a\r\na\r\na\r\na\na\na\n", "a\r\na\r\na\r\n\na\na\n")
            .Should().Be(new TextMergeResult(null, 1));
        // Remote's added "d" sits right before its added "a\r", not before the first "d": git slides a run
        // back to line up with a change on the other side. Then local's deleted "a" touches it.
        TextMerge.Merge("\nd\na\na\n\n", "\nd\na\n\n", "\nd\nd\na\r\na\n\n")
            .Should().Be(new TextMergeResult(null, 1));
    }

    [Test]
    public void A_file_of_50000_lines_with_edits_at_both_ends_merges()
    {
        var lines = Enumerable.Range(0, 50_000).Select(i => $"line {i:D6} of a file\n").ToArray();
        var baseText = string.Concat(lines);
        var local = "# added at the top\n" + string.Concat(lines.Skip(1));
        var remote = string.Concat(lines.SkipLast(1)) + "line 049999 edited\nadded at the end\n";

        var result = TextMerge.Merge(baseText, local, remote);

        Encoding.UTF8.GetByteCount(baseText).Should().BeGreaterThan(1 << 20);
        result.Should().Be(new TextMergeResult(
            "# added at the top\n" + string.Concat(lines.Skip(1).SkipLast(1)) + "line 049999 edited\nadded at the end\n", 0));
    }

    [Test]
    public void A_side_more_than_20000_lines_away_from_the_base_is_one_conflict_even_where_edits_are_apart()
    {
        // Finding a diff takes time in proportion to its size; past the cap the merge stops and reports a
        // conflict. Lines only one side has count too: 9,000 replaced lines are 18,000 apart, 10,001 are 20,002.
        var baseText = Numbered("base", 0, 10_100) + "last\n";
        var remote = Numbered("base", 0, 10_100) + "last, edited\n";
        var within = Numbered("new", 0, 9_000) + Numbered("base", 9_000, 10_100) + "last\n";
        var past = Numbered("new", 0, 10_001) + Numbered("base", 10_001, 10_100) + "last\n";

        TextMerge.Merge(baseText, within, remote)
            .Should().Be(new TextMergeResult(Numbered("new", 0, 9_000) + Numbered("base", 9_000, 10_100) + "last, edited\n", 0));
        TextMerge.Merge(baseText, past, remote).Should().Be(new TextMergeResult(null, 1));
    }

    [TestCase(6, true)]
    [TestCase(5, false)]
    public void The_diff_search_stops_once_the_lines_are_further_apart_than_its_cap(int cap, bool finds)
    {
        // Every line has a match on the other side, so only the search itself can reach the cap:
        // three a's and three b's swapped are six lines apart.
        var found = LineDiff.Between([9, 1, 1, 1, 2, 2, 2, 9], [9, 2, 2, 2, 1, 1, 1, 9], cap);

        (found is not null).Should().Be(finds);
        found?.Sum(hunk => hunk.BaseCount + hunk.SideCount).Should().Be(6);
    }

    [Test]
    public void Line_diffs_are_shortest_and_rebuild_the_other_side()
    {
        var random = new Random(1986);
        for (var run = 0; run < 500; run++)
        {
            var a = Enumerable.Range(0, random.Next(0, 14)).Select(_ => random.Next(0, 4)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 14)).Select(_ => random.Next(0, 4)).ToArray();

            var hunks = LineDiff.Between(a, b, TextMerge.MaxEditDistance)!;

            var rebuilt = new List<int>();
            var done = 0;
            foreach (var hunk in hunks)
            {
                (hunk.SideStart - rebuilt.Count).Should().Be(hunk.BaseStart - done, "unchanged lines pair up in run {0}", run);
                rebuilt.AddRange(a[done..hunk.BaseStart]);
                rebuilt.AddRange(b[hunk.SideStart..hunk.SideEnd]);
                done = hunk.BaseEnd;
            }
            rebuilt.AddRange(a[done..]);
            rebuilt.Should().Equal(b, "run {0} rebuilds b", run);
            hunks.Sum(hunk => hunk.BaseCount + hunk.SideCount).Should().Be(
                a.Length + b.Length - 2 * LongestCommonSubsequence(a, b), "run {0} is a shortest diff", run);
        }
    }

    private static int LongestCommonSubsequence(int[] a, int[] b)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        }
        return lengths[0, 0];
    }

    [Test]
    public void Edits_on_either_side_of_an_unchanged_line_always_merge_to_both_edits()
    {
        string[] pool = ["a\n", "b\n", "\n", "a\r\n", "{\n", "}\n", "  - item\n"];
        var random = new Random(23);
        for (var run = 0; run < 300; run++)
        {
            var before = RandomLines(random, pool, random.Next(0, 8));
            var after = RandomLines(random, pool, random.Next(0, 8));
            // The line between them is one neither side has elsewhere: a line repeated nearby could be
            // matched on either side of an edit, and then git (and this) may see the edits touch.
            const string Between = "=== unchanged ===\n";
            var end = random.Next(3) == 0 ? "no newline" : "";
            var localBefore = Edited(random, pool, before);
            var remoteAfter = Edited(random, pool, after);

            var result = TextMerge.Merge(
                string.Concat(before) + Between + string.Concat(after) + end,
                string.Concat(localBefore) + Between + string.Concat(after) + end,
                string.Concat(before) + Between + string.Concat(remoteAfter) + end);

            result.Should().Be(
                new TextMergeResult(string.Concat(localBefore) + Between + string.Concat(remoteAfter) + end, 0),
                $"run {run} merges cleanly");
        }
    }

    private static string Numbered(string prefix, int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from).Select(i => $"{prefix} {i}\n"));

    private static List<string> RandomLines(Random random, string[] pool, int count) =>
        Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)]).ToList();

    private static List<string> Edited(Random random, string[] pool, List<string> lines)
    {
        var edited = new List<string>(lines);
        for (var edit = random.Next(1, 4); edit > 0; edit--)
        {
            var at = random.Next(edited.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < edited.Count:
                    edited.RemoveAt(at);
                    break;
                case 1 when at < edited.Count:
                    edited[at] = pool[random.Next(pool.Length)];
                    break;
                default:
                    edited.Insert(at, pool[random.Next(pool.Length)]);
                    break;
            }
        }
        return edited;
    }
}
