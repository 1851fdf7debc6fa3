using StartClaude.Core.Errors;
using StartClaude.Core.Sync;

namespace StartClaude.Tool.Configs;

/// <summary>A sync nobody is asked about (the check before a start): any question is left for s3-sync.</summary>
internal sealed class UnattendedSyncAnswerer : ISyncAnswerer
{
    public SyncAnswers? Answer(SyncQuestion question, SyncAnswers answers, bool mayAsk)
    {
        ArgumentNullException.ThrowIfNull(question);
        var why = question.Match(
            conflicts => $"{string.Join(", ", conflicts.Items.Select(c => c.Label))} changed differently here and on the remote",
            emptied => emptied.Why,
            wentBack => wentBack.Why,
            download => download.Why,
            join => "local and remote configs differ");
        throw new SyncConflictException($"{why}; run start-claude s3-sync to decide");
    }
}
