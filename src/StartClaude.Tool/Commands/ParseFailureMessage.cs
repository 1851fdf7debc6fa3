using McMaster.Extensions.CommandLineUtils;
using StartClaude.Abstractions;

namespace StartClaude.Tool.Commands;

/// <summary>
/// The one line a parse failure ends with, blaming the likeliest slip: a mistyped command before
/// its arguments ("edt work --model m" is about "edt", not "work"), "s3 bogus", a mistyped option
/// (with the nearest of that command's own), and pointing at the help of the command that refused it.
/// </summary>
internal static class ParseFailureMessage
{
    public static string For(CommandParsingException ex, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(words);
        var atRoot = ex.Command.Parent is null;
        var unknownOption = ex.Message.StartsWith("Unrecognized option", StringComparison.Ordinal);
        if (atRoot && words.Count > 0 && !words[0].StartsWith('-'))
        {
            var first = words[0].Trim();
            // "start-claude s3 bogus": the original tool's spelling of a command this version does not have.
            if (first.Equals(CommandCatalog.S3Word, StringComparison.OrdinalIgnoreCase) && words.Count > 1 && !words[1].StartsWith('-'))
                return $"'{first} {words[1]}' is not a command; {S3Suggestion(words[1])} (start-claude help lists the commands)";
            // A mistyped command with anything after it fails here, before the word is looked up as a config.
            if (RootCommand.CommandSuggestion(first) is { } suggestion)
                return unknownOption
                    ? $"'{first}' is not a command; did you mean {suggestion}? ({ex.Message})"
                    : $"'{first}' is not a command; did you mean {suggestion}?";
        }
        var nearest = unknownOption && Quoted(ex.Message) is { } option ? NearestOption(ex.Command, option) : null;
        var didYouMean = nearest is null ? "" : $"; did you mean {nearest}?";
        // Options meant for claude itself go after "--": say so where that is the likely slip.
        var forClaude = atRoot && unknownOption && nearest is null ? "; to pass options to claude, put them after --: start-claude <name> -- <options>" : "";
        return $"{ex.Message}{didYouMean}{forClaude} (see {FullName(ex.Command)} --help)";
    }

    private static string S3Suggestion(string verb)
    {
        var s3Commands = CommandCatalog.Names.Where(c => c.StartsWith("s3-", StringComparison.Ordinal)).ToList();
        var close = ClosestWords.To("s3-" + verb, s3Commands);
        return close.Count > 0
            ? $"did you mean {string.Join(" or ", close.Select(c => $"start-claude {c}"))}?"
            : $"the s3 commands are {string.Join(", ", s3Commands)}.";
    }

    private static string? NearestOption(CommandLineApplication command, string typed)
    {
        var names = command.GetOptions().Where(o => o.LongName is not null).Select(o => "--" + o.LongName).ToList();
        var close = ClosestWords.To(typed.Split('=')[0], names, limit: 1);
        return close.Count > 0 ? close[0] : null;
    }

    private static string? Quoted(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message[(start + 1)..end] : null;
    }

    private static string FullName(CommandLineApplication command) =>
        command.Parent is { } parent ? $"{FullName(parent)} {command.Name}" : "start-claude";
}
