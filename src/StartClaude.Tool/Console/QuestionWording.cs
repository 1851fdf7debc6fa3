namespace StartClaude.Tool.Console;

/// <summary>How a command's flags answer the planner's questions, for the messages that name them.</summary>
/// <param name="AcceptEmptied">What accepts an emptied remote (or a version without configs) without a terminal.</param>
/// <param name="KeepEmptied">What keeps this machine's configs instead; null when the command cannot (it then only cancels).</param>
internal sealed record QuestionWording(string AcceptEmptied, string? KeepEmptied)
{
    /// <summary>What decides conflicts without a terminal.</summary>
    public string DecideConflicts { get; init; } = "pass --prefer local or --prefer remote to decide";

    /// <summary>The sync after add, edit or remove: those commands take no --prefer, s3-sync does.</summary>
    public static QuestionWording AfterEdit { get; } = new(
        "run start-claude s3-sync --prefer remote (or s3-download -f) to accept that",
        "start-claude s3-sync --prefer local to upload this machine's configs again")
    {
        DecideConflicts = "start-claude s3-sync decides them (on a terminal it asks; --prefer local|remote decides without one)",
    };

    public static QuestionWording Sync { get; } = new(
        "pass --prefer remote (or run start-claude s3-download -f) to accept that",
        "--prefer local to upload this machine's configs again");

    /// <summary>A team's sync (team sync, or s3-sync's teams): s3-download and s3-upload are one's own document's, not a team's.</summary>
    public static QuestionWording TeamSync { get; } = new(
        "pass --prefer remote to accept that",
        "--prefer local to send this machine's copy of the team's configs again");

    public static QuestionWording Download { get; } = new(
        "pass -f (--force) to delete the configs here too",
        null);

    public static QuestionWording Restore { get; } = new(
        "pass --force to restore it anyway",
        null);
}
