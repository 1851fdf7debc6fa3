namespace StartClaude.Abstractions;

/// <summary>
/// "Did you mean": the candidates nearest a mistyped word, by edit distance (insert, delete, replace,
/// swap two neighbours), ignoring case. Shared by the host (commands, configs) and providers (regions).
/// </summary>
public static class ClosestWords
{
    /// <summary>Up to <paramref name="limit"/> candidates close enough to be a slip (or holding the word), nearest first.</summary>
    public static IReadOnlyList<string> To(string word, IEnumerable<string> candidates, int limit = 3)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(candidates);
        var typed = word.Trim().ToLowerInvariant();
        if (typed.Length == 0)
            return [];
        // About one slip per three letters, at least one: "lsit" → list, "us-est-1" → us-east-1.
        var allowed = Math.Max(1, typed.Length / 3);
        return [.. candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Candidate: c, Distance: Distance(typed, c.ToLowerInvariant())))
            // A part of a longer word counts too: "upload" → s3-upload, "us-east" → us-east-1.
            .Where(c => c.Distance <= allowed || (typed.Length >= 3 && c.Candidate.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => c.Candidate)];
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
