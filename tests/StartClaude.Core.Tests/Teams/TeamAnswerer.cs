using StartClaude.Core.Errors;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests.Teams;

/// <summary>Answers conflicts with <see cref="Prefer"/>, nothing else: any other question fails the test.</summary>
internal sealed class ScriptedAnswerer : ISyncAnswerer
{
    public ConflictSide? Prefer { get; init; }

    public SyncAnswers? Answer(SyncQuestion question, SyncAnswers answers, bool mayAsk) => question.Match<SyncAnswers?>(
        conflicts => Prefer is { } side ? answers.WithConflicts(conflicts.Items, _ => side) : Unanswered(mayAsk, "conflicts"),
        emptied => Unanswered(mayAsk, emptied.Why),
        wentBack => Unanswered(mayAsk, wentBack.Why),
        download => Unanswered(mayAsk, download.Why),
        join => Unanswered(mayAsk, "join"));

    private static SyncAnswers? Unanswered(bool mayAsk, string why) =>
        mayAsk ? throw new SyncConflictException($"{why}; nobody to ask") : null;
}
