using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests;

/// <summary>The planner's decisions, read the way the table tests read them.</summary>
internal static class Planning
{
    public static SyncDecision Decide(SyncInputs inputs, SyncRequest? request = null, SyncAnswers? answers = null) =>
        SyncPlanner.Decide(request ?? new SyncRequest.TwoWay(), inputs, answers ?? SyncAnswers.None);

    /// <summary>Where things stand for a two-way sync, nothing answered.</summary>
    public static SyncPlan Plan(SyncInputs inputs) => Decide(inputs).Standing;

    /// <summary>Whether the two-way sync asks about conflicts first.</summary>
    public static bool Undecided(SyncInputs inputs) => Decide(inputs) is SyncDecision.Ask { Question: SyncQuestion.Conflicts };

    /// <summary>The plan once every question is answered with <paramref name="side"/>.</summary>
    public static SyncPlan Resolve(SyncInputs inputs, ConflictSide side, SyncRequest? request = null)
    {
        var answers = SyncAnswers.None;
        for (var i = 0; i < 10; i++)
        {
            switch (Decide(inputs, request, answers))
            {
                case SyncDecision.Done done:
                    return done.Plan;
                case SyncDecision.Ask { Question: SyncQuestion.Conflicts conflicts }:
                    answers = answers.WithConflicts(conflicts.Items, _ => side);
                    break;
                case SyncDecision.Ask { Question: SyncQuestion.EmptiedRemote }:
                    answers = answers with { EmptiedRemote = side };
                    break;
                case SyncDecision.Ask { Question: SyncQuestion.RemoteWentBack }:
                    answers = answers with { RemoteWentBack = side };
                    break;
                case var other:
                    throw new InvalidOperationException($"not answerable here: {other}");
            }
        }
        throw new InvalidOperationException("the planner kept asking");
    }
}
