namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// The shortest diff of two sequences of line ids, by Myers' O(ND) algorithm ("An O(ND) Difference Algorithm
/// and Its Variations", 1986) in its linear-space form: find the middle snake of an optimal edit path, then
/// solve the parts before and after it. Each run of changed lines then slides as git slides it, so hunks sit
/// where <c>git merge-file</c> puts them and a merge sees the adjacency git sees.
/// </summary>
internal sealed class LineDiff
{
    private const int Unreached = -1;

    private readonly int[] _a;
    private readonly int[] _b;
    // Where each line of _a and _b sits in the whole texts, and which lines of the whole texts changed.
    private readonly int[] _aLines;
    private readonly int[] _bLines;
    private readonly bool[] _changedA;
    private readonly bool[] _changedB;
    // Furthest x reached on each diagonal k = x - y, forward from (0, 0) and backward from the end; the
    // backward one is indexed by k - delta. Both are offset by _center so negative diagonals fit.
    private readonly int[] _forward;
    private readonly int[] _backward;
    private readonly int _center;
    private readonly int _maxEditDistance;

    private LineDiff(int[] a, int[] b, bool[] changedA, bool[] changedB, int maxEditDistance)
    {
        _changedA = changedA;
        _changedB = changedB;
        _aLines = Unchanged(changedA);
        _bLines = Unchanged(changedB);
        _a = Array.ConvertAll(_aLines, line => a[line]);
        _b = Array.ConvertAll(_bLines, line => b[line]);
        _maxEditDistance = maxEditDistance;
        // A search never takes more steps than half of either the total length or the cap allows.
        _center = Math.Min((_a.Length + _b.Length + 1) / 2, (maxEditDistance + 1) / 2) + 2;
        _forward = new int[2 * _center + 1];
        _backward = new int[2 * _center + 1];
    }

    /// <summary>
    /// The hunks that turn <paramref name="a"/> into <paramref name="b"/>, in order; null when more than
    /// <paramref name="maxEditDistance"/> lines would have to be inserted or deleted, found without doing more
    /// work than that many differences take.
    /// </summary>
    public static LineChange[]? Between(int[] a, int[] b, int maxEditDistance)
    {
        // A line the other text does not have is changed in every diff; setting such lines aside first costs
        // nothing in minimality, makes unrelated texts cheap, and picks among equally short diffs as git does.
        var changedA = new bool[a.Length];
        var changedB = new bool[b.Length];
        var unmatched = MarkUnmatched(a, b, changedA, changedB);
        if (unmatched > maxEditDistance)
            return null;
        var diff = new LineDiff(a, b, changedA, changedB, maxEditDistance - unmatched);
        if (!diff.Compare(0, diff._a.Length, 0, diff._b.Length))
            return null;
        Slide(a, changedA, changedB);
        Slide(b, changedB, changedA);
        return Hunks(changedA, changedB);
    }

    private static int MarkUnmatched(int[] a, int[] b, bool[] changedA, bool[] changedB)
    {
        var ids = 0;
        foreach (var id in a)
            ids = Math.Max(ids, id + 1);
        foreach (var id in b)
            ids = Math.Max(ids, id + 1);
        var inA = new bool[ids];
        var inB = new bool[ids];
        foreach (var id in a)
            inA[id] = true;
        foreach (var id in b)
            inB[id] = true;
        var unmatched = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!inB[a[i]])
            {
                changedA[i] = true;
                unmatched++;
            }
        }
        for (var j = 0; j < b.Length; j++)
        {
            if (!inA[b[j]])
            {
                changedB[j] = true;
                unmatched++;
            }
        }
        return unmatched;
    }

    private static int[] Unchanged(bool[] changed)
    {
        var lines = new List<int>(changed.Length);
        for (var i = 0; i < changed.Length; i++)
        {
            if (!changed[i])
                lines.Add(i);
        }
        return [.. lines];
    }

    private bool Compare(int aLo, int aHi, int bLo, int bHi)
    {
        while (aLo < aHi && bLo < bHi && _a[aLo] == _b[bLo])
        {
            aLo++;
            bLo++;
        }
        while (aLo < aHi && bLo < bHi && _a[aHi - 1] == _b[bHi - 1])
        {
            aHi--;
            bHi--;
        }
        if (aLo == aHi)
        {
            for (var j = bLo; j < bHi; j++)
                _changedB[_bLines[j]] = true;
            return true;
        }
        if (bLo == bHi)
        {
            for (var i = aLo; i < aHi; i++)
                _changedA[_aLines[i]] = true;
            return true;
        }
        if (!FindMiddleSnake(aLo, aHi, bLo, bHi, out var snakeStartX, out var snakeStartY, out var snakeEndX, out var snakeEndY))
            return false;
        return Compare(aLo, aLo + snakeStartX, bLo, bLo + snakeStartY)
            && Compare(aLo + snakeEndX, aHi, bLo + snakeEndY, bHi);
    }

    /// <summary>
    /// Searches forward from the start and backward from the end, one difference at a time each, until the
    /// furthest paths meet on a diagonal; the snake (run of equal lines) where they meet lies on an optimal
    /// path. Coordinates are relative to (aLo, bLo). False when the differences pass the cap.
    /// </summary>
    private bool FindMiddleSnake(int aLo, int aHi, int bLo, int bHi, out int startX, out int startY, out int endX, out int endY)
    {
        int n = aHi - aLo, m = bHi - bLo, delta = n - m;
        var odd = (delta & 1) != 0;
        var forward = _forward;
        var backward = _backward;
        var center = _center;
        for (var d = 0; 2 * d - 1 <= _maxEditDistance; d++)
        {
            for (var k = d; k >= -d; k -= 2)
            {
                int x;
                if (d == 0)
                    x = 0;
                else
                {
                    // One more line of b (down from diagonal k + 1) or of a (right from diagonal k - 1), whichever
                    // gets further and stays inside the grid.
                    var down = k < d ? forward[center + k + 1] : Unreached;
                    var right = k > -d ? forward[center + k - 1] : Unreached;
                    var downFits = down != Unreached && down - k <= m;
                    var rightFits = right != Unreached && right + 1 <= n;
                    if (downFits && (!rightFits || down >= right + 1))
                        x = down;
                    else if (rightFits)
                        x = right + 1;
                    else
                    {
                        forward[center + k] = Unreached;
                        continue;
                    }
                }
                var y = x - k;
                var fromX = x;
                var fromY = y;
                while (x < n && y < m && _a[aLo + x] == _b[bLo + y])
                {
                    x++;
                    y++;
                }
                forward[center + k] = x;
                var c = k - delta;
                if (odd && c >= -(d - 1) && c <= d - 1 && backward[center + c] != Unreached && backward[center + c] <= x)
                {
                    (startX, startY, endX, endY) = (fromX, fromY, x, y);
                    return true;
                }
            }
            // The forward pass finds paths of 2d - 1 differences, this one of 2d.
            if (2 * d > _maxEditDistance)
                break;
            for (var c = d; c >= -d; c -= 2)
            {
                var k = c + delta;
                int x;
                if (d == 0)
                    x = n;
                else
                {
                    // One more line of a (left from diagonal k + 1) or of b (up from diagonal k - 1), whichever
                    // gets further back and stays inside the grid.
                    var left = c < d ? backward[center + c + 1] : Unreached;
                    var up = c > -d ? backward[center + c - 1] : Unreached;
                    var leftFits = left != Unreached && left - 1 >= 0;
                    var upFits = up != Unreached && up - k >= 0;
                    if (upFits && (!leftFits || up <= left - 1))
                        x = up;
                    else if (leftFits)
                        x = left - 1;
                    else
                    {
                        backward[center + c] = Unreached;
                        continue;
                    }
                }
                var y = x - k;
                var toX = x;
                var toY = y;
                while (x > 0 && y > 0 && _a[aLo + x - 1] == _b[bLo + y - 1])
                {
                    x--;
                    y--;
                }
                backward[center + c] = x;
                if (!odd && k >= -d && k <= d && forward[center + k] != Unreached && forward[center + k] >= x)
                {
                    (startX, startY, endX, endY) = (x, y, toX, toY);
                    return true;
                }
            }
        }
        (startX, startY, endX, endY) = (0, 0, 0, 0);
        return false;
    }

    /// <summary>
    /// Moves each run of changed lines in <paramref name="lines"/> as git's diff does: up as far as equal
    /// lines allow (joining runs it meets), then down as far as they allow, and finally back up to the lowest
    /// place where it sits opposite a change in the other text, if it passed one. A run of equal lines can
    /// be inserted or deleted in several places; this picks git's.
    /// </summary>
    private static void Slide(int[] lines, bool[] changed, bool[] otherChanged)
    {
        var n = lines.Length;
        // The other text's line paired with the last unchanged line before `start`, -1 before the first.
        var partnerBefore = -1;
        var start = 0;
        while (true)
        {
            while (start < n && !changed[start])
            {
                partnerBefore = NextUnchanged(otherChanged, partnerBefore + 1);
                start++;
            }
            if (start == n)
                return;
            var end = start;
            while (end < n && changed[end])
                end++;
            // The run sits between the pairs (start - 1, before) and (end, after); the other text changed
            // something opposite it when lines lie between before and after.
            var before = partnerBefore;
            var after = NextUnchanged(otherChanged, before + 1);
            int size, earliestEnd, alignedEnd;
            do
            {
                size = end - start;
                while (start > 0 && lines[start - 1] == lines[end - 1])
                {
                    changed[--start] = true;
                    changed[--end] = false;
                    while (start > 0 && changed[start - 1])
                        start--;
                    after = before;
                    before = PreviousUnchanged(otherChanged, before - 1);
                }
                earliestEnd = end;
                alignedEnd = after - before > 1 ? end : -1;
                while (end < n && lines[start] == lines[end])
                {
                    changed[start++] = false;
                    changed[end++] = true;
                    while (end < n && changed[end])
                        end++;
                    before = after;
                    after = NextUnchanged(otherChanged, after + 1);
                    if (after - before > 1)
                        alignedEnd = end;
                }
            } while (size != end - start);
            if (end != earliestEnd && alignedEnd >= 0)
            {
                while (end > alignedEnd)
                {
                    changed[--start] = true;
                    changed[--end] = false;
                    after = before;
                    before = PreviousUnchanged(otherChanged, before - 1);
                }
            }
            partnerBefore = before;
            start = end;
        }
    }

    private static int NextUnchanged(bool[] changed, int from)
    {
        while (from < changed.Length && changed[from])
            from++;
        return from;
    }

    private static int PreviousUnchanged(bool[] changed, int from)
    {
        while (from >= 0 && changed[from])
            from--;
        return from;
    }

    private static LineChange[] Hunks(bool[] changedA, bool[] changedB)
    {
        var hunks = new List<LineChange>();
        int i = 0, j = 0, n = changedA.Length, m = changedB.Length;
        while (i < n || j < m)
        {
            if (i < n && j < m && !changedA[i] && !changedB[j])
            {
                i++;
                j++;
                continue;
            }
            int fromI = i, fromJ = j;
            while (i < n && changedA[i])
                i++;
            while (j < m && changedB[j])
                j++;
            hunks.Add(new LineChange(fromI, i - fromI, fromJ, j - fromJ));
        }
        return [.. hunks];
    }
}
