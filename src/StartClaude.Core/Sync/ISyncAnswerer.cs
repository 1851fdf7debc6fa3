namespace StartClaude.Core.Sync;

/// <summary>Answers the planner's questions: a person on a terminal, flags such as <c>--prefer</c>, or nobody.</summary>
public interface ISyncAnswerer
{
    /// <summary>
    /// <paramref name="answers"/> with <paramref name="question"/> answered; null when it cannot be answered
    /// without asking a person and <paramref name="mayAsk"/> is false (a dry run).
    /// </summary>
    /// <exception cref="Errors.SyncConflictException">Nobody can answer (no terminal, no flag): exit 3, nothing written.</exception>
    /// <exception cref="Errors.CancelledByUserException">The person cancelled.</exception>
    SyncAnswers? Answer(SyncQuestion question, SyncAnswers answers, bool mayAsk);
}
