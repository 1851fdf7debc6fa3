namespace StartClaude.Core.Sync;

/// <summary>
/// The planner's answer to a request: exactly one of <see cref="Done"/> (the plan), <see cref="Ask"/> (a
/// question first) or <see cref="Refuse"/> (a reason and an exit code). Closed; callers go through
/// <see cref="Match{T}"/>, so a new case is a build error wherever a decision is handled.
/// </summary>
public abstract record SyncDecision
{
    private SyncDecision()
    {
    }

    public abstract T Match<T>(Func<Done, T> done, Func<Ask, T> ask, Func<Refuse, T> refuse);

    /// <summary>Where the two sides stand, for status and dry runs, whatever the decision.</summary>
    public abstract SyncPlan Standing { get; }

    /// <summary>Everything is decided: carry <paramref name="Plan"/> out.</summary>
    public sealed record Done(SyncPlan Plan) : SyncDecision
    {
        public override SyncPlan Standing => Plan;

        public override T Match<T>(Func<Done, T> done, Func<Ask, T> ask, Func<Refuse, T> refuse) => done(this);
    }

    /// <summary>Answer <paramref name="Question"/> and ask again; <paramref name="Preview"/> shows where things stand (nothing decided).</summary>
    public sealed record Ask(SyncQuestion Question, SyncPlan Preview) : SyncDecision
    {
        public override SyncPlan Standing => Preview;

        public override T Match<T>(Func<Done, T> done, Func<Ask, T> ask, Func<Refuse, T> refuse) => ask(this);
    }

    /// <summary>Nothing may be written: <paramref name="Reason"/>, for a person, and the exit code.</summary>
    public sealed record Refuse(string Reason, int ExitCode, SyncPlan Preview) : SyncDecision
    {
        public override SyncPlan Standing => Preview;

        public override T Match<T>(Func<Done, T> done, Func<Ask, T> ask, Func<Refuse, T> refuse) => refuse(this);
    }
}
