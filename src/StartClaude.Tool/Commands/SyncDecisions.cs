using StartClaude.Core.Errors;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

/// <summary>
/// Answers a sync's questions: from <c>--prefer</c> when given, else on a terminal (per conflict,
/// showing both versions with secrets masked), else not at all: a conflict then ends the command
/// with exit code 3 and nothing written anywhere.
/// </summary>
internal sealed class SyncDecisions(ConflictSide? prefer, Prompts prompts, ToolConsole console) : ISyncDecisions
{
    private readonly Dictionary<MergeConflict, ConflictSide> _decided = [];

    /// <summary>How each conflict was decided, so the summary can say which side won.</summary>
    public IReadOnlyDictionary<MergeConflict, ConflictSide> Decided => _decided;

    public IReadOnlyDictionary<MergeConflict, ConflictSide> DecideConflicts(IReadOnlyList<MergeConflict> conflicts)
    {
        var decided = Decide(conflicts);
        foreach (var (conflict, side) in decided)
            _decided[conflict] = side;
        return decided;
    }

    private IReadOnlyDictionary<MergeConflict, ConflictSide> Decide(IReadOnlyList<MergeConflict> conflicts)
    {
        if (prefer is { } side)
            return conflicts.ToDictionary(c => c, _ => side);
        if (!prompts.CanAsk)
        {
            var list = string.Join("; ", conflicts.Select(c => $"{c.Label}: here {c.Describe(ConflictSide.Local)}, remote {c.Describe(ConflictSide.Remote)}"));
            throw new SyncConflictException($"both sides changed the same thing differently ({list}); pass --prefer local or --prefer remote to decide");
        }

        console.Plain("Both sides changed the same thing differently since the last sync:");
        var decided = new Dictionary<MergeConflict, ConflictSide>();
        foreach (var conflict in conflicts)
        {
            var choice = prompts.Choose(
                $"{conflict.Label} — which version wins?",
                [(Choice.Local, $"This machine's: {conflict.Describe(ConflictSide.Local)}"),
                 (Choice.Remote, $"The remote one: {conflict.Describe(ConflictSide.Remote)}"),
                 (Choice.Cancel, "Cancel the sync")],
                "--prefer local|remote");
            decided[conflict] = choice switch
            {
                Choice.Local => ConflictSide.Local,
                Choice.Remote => ConflictSide.Remote,
                _ => throw new CancelledByUserException(),
            };
        }
        return decided;
    }

    public ConflictSide DecideEmptiedRemote(string why)
    {
        if (prefer is { } side)
            return side;
        if (!prompts.CanAsk)
            throw new SyncConflictException($"{why}; nothing was changed. Pass --prefer remote (or run start-claude s3-download -f) to accept that, or --prefer local to upload this machine's configs again");
        console.Plain(char.ToUpperInvariant(why[0]) + why[1..] + ".");
        var choice = prompts.Choose(
            "Apply that here too?",
            [(Choice.Local, "No: keep this machine's configs and upload them again"),
             (Choice.Remote, "Yes: delete them here too"),
             (Choice.Cancel, "Cancel")],
            "--prefer local|remote");
        return choice switch
        {
            Choice.Local => ConflictSide.Local,
            Choice.Remote => ConflictSide.Remote,
            _ => throw new CancelledByUserException(),
        };
    }

    private enum Choice
    {
        Local,
        Remote,
        Cancel,
    }
}
