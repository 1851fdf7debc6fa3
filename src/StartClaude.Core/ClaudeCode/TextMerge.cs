using System.Text;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// A three-way merge of texts line by line, as <c>git merge-file</c> does it: each side's changes against
/// the base are taken where the other side left those lines alone; changes that overlap or touch (no
/// unchanged line between them) are a conflict unless both sides made the same change.
/// </summary>
public static class TextMerge
{
    /// <summary>
    /// The most lines a side may differ from the base by before the merge gives up with one conflict. Finding
    /// a diff takes time in proportion to lines times differences; this bounds it for unrelated texts.
    /// </summary>
    internal const int MaxEditDistance = 20_000;

    /// <summary>Merges local and remote edits of baseText line by line, as git merge-file does.</summary>
    public static TextMergeResult Merge(string baseText, string local, string remote)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        if (string.Equals(local, remote, StringComparison.Ordinal))
            return new TextMergeResult(local, 0);
        if (string.Equals(local, baseText, StringComparison.Ordinal))
            return new TextMergeResult(remote, 0);
        if (string.Equals(remote, baseText, StringComparison.Ordinal))
            return new TextMergeResult(local, 0);

        var idsByLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var baseLines = TextLines.Split(baseText, idsByLine);
        var localLines = TextLines.Split(local, idsByLine);
        var remoteLines = TextLines.Split(remote, idsByLine);
        var localChanges = LineDiff.Between(baseLines.Ids, localLines.Ids, MaxEditDistance);
        var remoteChanges = localChanges is null ? null : LineDiff.Between(baseLines.Ids, remoteLines.Ids, MaxEditDistance);
        if (localChanges is null || remoteChanges is null)
            return new TextMergeResult(null, 1);
        return Combine(baseLines, localLines, remoteLines, localChanges, remoteChanges);
    }

    /// <summary>
    /// Walks both sides' hunks in base order, grouping hunks whose base ranges overlap or touch. A group with
    /// hunks from one side takes that side; a group from both sides takes their text when it is the same and
    /// is a conflict otherwise.
    /// </summary>
    private static TextMergeResult Combine(
        TextLines baseLines, TextLines localLines, TextLines remoteLines, LineChange[] localChanges, LineChange[] remoteChanges)
    {
        var merged = new StringBuilder(Math.Max(localLines.Text.Length, remoteLines.Text.Length));
        var conflicts = new ConflictCount(localLines, remoteLines);
        int nextLocal = 0, nextRemote = 0, baseDone = 0;
        // Outside hunks a side's line number is the base's plus this offset.
        int localOffset = 0, remoteOffset = 0;
        while (nextLocal < localChanges.Length || nextRemote < remoteChanges.Length)
        {
            var start = Math.Min(
                nextLocal < localChanges.Length ? localChanges[nextLocal].BaseStart : int.MaxValue,
                nextRemote < remoteChanges.Length ? remoteChanges[nextRemote].BaseStart : int.MaxValue);
            var end = start;
            var localStart = start + localOffset;
            var remoteStart = start + remoteOffset;
            int firstLocal = nextLocal, firstRemote = nextRemote;
            var grew = true;
            while (grew)
            {
                grew = false;
                if (nextLocal < localChanges.Length && localChanges[nextLocal].BaseStart <= end)
                {
                    var hunk = localChanges[nextLocal++];
                    end = Math.Max(end, hunk.BaseEnd);
                    localOffset = hunk.SideEnd - hunk.BaseEnd;
                    grew = true;
                }
                if (nextRemote < remoteChanges.Length && remoteChanges[nextRemote].BaseStart <= end)
                {
                    var hunk = remoteChanges[nextRemote++];
                    end = Math.Max(end, hunk.BaseEnd);
                    remoteOffset = hunk.SideEnd - hunk.BaseEnd;
                    grew = true;
                }
            }
            var localEnd = end + localOffset;
            var remoteEnd = end + remoteOffset;
            int localHunks = nextLocal - firstLocal, remoteHunks = nextRemote - firstRemote;

            if (!conflicts.Any)
                merged.Append(baseLines.Span(baseDone, start));
            baseDone = end;
            if (remoteHunks == 0)
            {
                conflicts.Separate();
                if (!conflicts.Any)
                    merged.Append(localLines.Span(localStart, localEnd));
            }
            else if (localHunks == 0)
            {
                conflicts.Separate();
                if (!conflicts.Any)
                    merged.Append(remoteLines.Span(remoteStart, remoteEnd));
            }
            else if (localLines.Span(localStart, localEnd).SequenceEqual(remoteLines.Span(remoteStart, remoteEnd)))
            {
                // The same change on both sides. git sets a group of one equal hunk each aside before looking
                // for conflicts to join, and keeps any other agreeing group as a separator.
                var samePair = localHunks == 1 && remoteHunks == 1
                    && localChanges[firstLocal].BaseStart == remoteChanges[firstRemote].BaseStart
                    && localChanges[firstLocal].BaseCount == remoteChanges[firstRemote].BaseCount;
                if (!samePair)
                    conflicts.Separate();
                if (!conflicts.Any)
                    merged.Append(localLines.Span(localStart, localEnd));
            }
            else
                conflicts.AddGroup(localStart, localEnd, remoteStart, remoteEnd);
        }
        if (conflicts.Any)
            return new TextMergeResult(null, conflicts.Count);
        merged.Append(baseLines.Span(baseDone, baseLines.Count));
        return new TextMergeResult(merged.ToString(), 0);
    }
}
