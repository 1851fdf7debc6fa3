namespace StartClaude.Core.Sync;

/// <summary>
/// The commands a refusal names to settle it: one's own document's by default, a team's for a team's document
/// (s3-download and s3-upload never touch a team's).
/// </summary>
/// <param name="TakeBack">What brings the remote's items back here.</param>
/// <param name="DeleteEverywhere">What sends this machine's state, deletions and all, on purpose.</param>
public sealed record SyncAdvice(string TakeBack, string DeleteEverywhere)
{
    public static SyncAdvice Own { get; } = new("start-claude s3-download -f", "start-claude s3-upload");

    public static SyncAdvice ForTeam(string team) =>
        new($"start-claude team claude-files {team} --set none, then --set the kinds again, then team sync {team}", $"start-claude team sync {team} --replace");
}
