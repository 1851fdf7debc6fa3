namespace StartClaude.Abstractions;

/// <summary>
/// URL text made fit to show. What may be a credential (the user info before the last <c>@</c>, the
/// values of the query, the fragment) is found by looking at the text alone, so a URL that does not
/// parse (a password holding <c>/</c>, a single slash after the scheme) is masked as well as one that does.
/// </summary>
public static class UrlSecrets
{
    /// <summary>
    /// <paramref name="text"/> with its user info shown as <c>user:***</c> (a user info without a colon,
    /// a token, as <paramref name="maskToken"/> shows it, <c>***</c> by default), each query value as
    /// <c>***</c> and a fragment as <c>***</c>.
    /// </summary>
    /// <param name="text">The text as given.</param>
    /// <param name="assumeUrl">
    /// True when the text is meant as a URL even without a scheme (<c>user:pw@host</c>); otherwise text with
    /// neither a scheme nor a leading <c>//</c> (a model name, an e-mail address) is returned as it is.
    /// </param>
    /// <param name="maskToken">How a user info without a colon is shown.</param>
    public static string Masked(string text, bool assumeUrl = false, Func<string, string>? maskToken = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = AuthorityStart(text, assumeUrl);
        if (start < 0)
            return text;
        var at = text.LastIndexOfAny(['@', '\uFF20']);
        if (at >= start)
        {
            var info = text[start..at];
            var colon = info.IndexOf(':', StringComparison.Ordinal);
            var shown = colon >= 0 ? $"{info[..(colon + 1)]}***" : maskToken?.Invoke(info) ?? "***";
            text = string.Concat(text.AsSpan(0, start), shown, text.AsSpan(at));
            start += shown.Length;
        }
        return QueryAndFragmentMasked(text, start);
    }

    // Where the user info would begin: after "scheme:" and any slashes, after a leading "//", or at the
    // start of a text meant as a URL; -1 for text that is not written as one.
    private static int AuthorityStart(string text, bool assumeUrl)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && char.IsAsciiLetter(text[0]) && IsSchemeText(text.AsSpan(0, colon)))
        {
            var start = colon + 1;
            while (start < text.Length && text[start] is '/' or '\\')
                start++;
            return start;
        }
        if (text.StartsWith("//", StringComparison.Ordinal))
            return 2;
        return assumeUrl ? 0 : -1;
    }

    private static bool IsSchemeText(ReadOnlySpan<char> scheme)
    {
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
                return false;
        }
        return true;
    }

    private static string QueryAndFragmentMasked(string text, int start)
    {
        var hash = text.IndexOf('#', start);
        var fragment = hash >= 0 && hash < text.Length - 1 ? "#***" : hash >= 0 ? "#" : "";
        var beforeFragment = hash >= 0 ? text[..hash] : text;
        var question = beforeFragment.IndexOf('?', start);
        if (question < 0)
            return beforeFragment + fragment;
        var parameters = beforeFragment[(question + 1)..].Split('&');
        for (var i = 0; i < parameters.Length; i++)
        {
            var equals = parameters[i].IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 && parameters[i].Length > 0)
                parameters[i] = "***";
            else if (equals >= 0 && equals < parameters[i].Length - 1)
                parameters[i] = $"{parameters[i][..(equals + 1)]}***";
        }
        return $"{beforeFragment[..(question + 1)]}{string.Join('&', parameters)}{fragment}";
    }
}
