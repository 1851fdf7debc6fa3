namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// Counts conflicting hunks as <c>git merge-file</c> does: a conflicting group is narrowed to the lines where
/// the two sides really differ (a diff of one side's lines against the other's), each difference is a
/// conflict, and conflicts that only a few lines, or lines without a letter or digit, separate count as one.
/// </summary>
internal sealed class ConflictCount(TextLines local, TextLines remote)
{
    private const int JoinedGap = 3;

    private bool _joinable;
    private int _previousEnd;

    public int Count { get; private set; }

    public bool Any => Count > 0;

    /// <summary>A group that merged cleanly lies between the last conflict and the next: they stay apart.</summary>
    public void Separate() => _joinable = false;

    /// <summary>Counts the conflicts in a group where local lines [localStart, localEnd) and remote lines [remoteStart, remoteEnd) differ.</summary>
    public void AddGroup(int localStart, int localEnd, int remoteStart, int remoteEnd)
    {
        var differences = localStart == localEnd || remoteStart == remoteEnd
            ? null
            : LineDiff.Between(local.Ids[localStart..localEnd], remote.Ids[remoteStart..remoteEnd], TextMerge.MaxEditDistance);
        if (differences is null)
        {
            Add(localStart, localEnd);
            return;
        }
        foreach (var difference in differences)
            Add(localStart + difference.BaseStart, localStart + difference.BaseEnd);
    }

    private void Add(int localStart, int localEnd)
    {
        var joins = _joinable && (localStart - _previousEnd <= JoinedGap || !ContainsLetterOrDigit(_previousEnd, localStart));
        if (!joins)
            Count++;
        _joinable = true;
        _previousEnd = localEnd;
    }

    private bool ContainsLetterOrDigit(int from, int to)
    {
        foreach (var c in local.Span(from, to))
        {
            if (char.IsAsciiLetterOrDigit(c))
                return true;
        }
        return false;
    }
}
