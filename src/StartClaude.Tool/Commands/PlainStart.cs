namespace StartClaude.Tool.Commands;

/// <summary>
/// The words of a start that leave a parser nothing to decide: none or one config name, each optionally
/// followed by "--" and claude's arguments. StartClaudeApp binds them to <see cref="RootCommand"/> itself,
/// without building CommandLineUtils' command tree, which cost more than the rest of a start together.
/// Everything else (any option, a command, a second word) is parsed by CommandLineUtils as always;
/// a test checks that both bind these words alike.
/// </summary>
internal static class PlainStart
{
    public static bool TryMatch(string[] words, out string? name, out string[] forClaude)
    {
        ArgumentNullException.ThrowIfNull(words);
        var separator = Array.IndexOf(words, "--");
        var ours = separator < 0 ? words : words[..separator];
        forClaude = separator < 0 ? [] : words[(separator + 1)..];
        name = ours.Length == 1 ? ours[0] : null;
        return ours.Length == 0 || (ours.Length == 1 && IsConfigName(ours[0]));
    }

    // Not an option, a response file (@file) or a command word: those are the parser's.
    private static bool IsConfigName(string word) =>
        word.Length > 0 && word[0] is not ('-' or '@') && !CommandCatalog.IsCommandWord(word);
}
