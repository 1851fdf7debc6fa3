using StartClaude.Core.Errors;
using StartClaude.Core.Sync;

namespace StartClaude.Tool.Configs;

/// <summary>A sync nobody is asked about (the check before a start): a conflict is left for s3-sync.</summary>
internal sealed class UnattendedDecisions : ISyncDecisions
{
    public IReadOnlyDictionary<MergeConflict, ConflictSide> DecideConflicts(IReadOnlyList<MergeConflict> conflicts) =>
        throw new SyncConflictException($"{string.Join(", ", conflicts.Select(c => c.Label))} changed differently here and on the remote; run start-claude s3-sync to decide");

    public ConflictSide DecideEmptiedRemote(string why) =>
        throw new SyncConflictException($"{why}; run start-claude s3-sync to decide");
}
