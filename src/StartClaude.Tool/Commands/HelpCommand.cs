using McMaster.Extensions.CommandLineUtils;
using StartClaude.Abstractions;
using StartClaude.Core.Errors;

namespace StartClaude.Tool.Commands;

[Command("help", Description = "Show what start-claude can do, or how one command is used: start-claude help s3-setup.")]
internal sealed class HelpCommand : CommandBase
{
    [Argument(0, "command", Description = "The command to explain (for example s3-sync, or: backups restore).")]
    public string[] Words { get; set; } = [];

    public int OnExecute(CommandLineApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var target = app.Parent ?? app;
        foreach (var word in StartClaudeApp.NormalizeSpelling(Words))
        {
            target = target.Commands.FirstOrDefault(c => string.Equals(c.Name, word, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException(Unknown(word, target));
        }
        target.ShowHelp();
        return 0;
    }

    private static string Unknown(string word, CommandLineApplication within)
    {
        var close = ClosestWords.To(word, within.Commands.Select(c => c.Name!));
        var place = within.Parent is null ? "start-claude" : $"start-claude {within.Name}";
        return close.Count > 0
            ? $"{place} has no command '{word}'; did you mean {string.Join(" or ", close)}?"
            : $"{place} has no command '{word}' (start-claude help lists them)";
    }
}
