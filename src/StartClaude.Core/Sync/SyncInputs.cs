namespace StartClaude.Core.Sync;

/// <summary>Everything the planner decides from: the three documents and what the service supports.</summary>
/// <param name="Local">This machine's document as read.</param>
/// <param name="Remote">The remote document as read (null when there is none).</param>
/// <param name="Base">The document both sides last agreed on (null when none, or unreadable).</param>
/// <param name="ConditionalWrites">Whether the service honours If-Match / If-None-Match (else the ETag is checked just before writing).</param>
public sealed record SyncInputs(Documents.ConfigDocument Local, RemoteSnapshot? Remote, SyncBase? Base, bool ConditionalWrites)
{
    /// <summary>Why the base is missing when its record was damaged: said once with the plan.</summary>
    public string? Warning { get; init; }

    /// <summary>The commands a refusal names.</summary>
    public SyncAdvice Advice { get; init; } = SyncAdvice.Own;
}
