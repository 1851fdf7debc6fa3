using StartClaude.Core.Errors;
using StartClaude.Core.Sync;

namespace StartClaude.Tool.Console;

/// <summary>
/// Answers the planner's questions: from <c>--prefer</c> when given, else on a terminal (conflicts one
/// by one, both versions shown with secrets masked), else not at all: the command then ends with exit
/// code 3 and nothing written anywhere. A dry run asks nobody; what only a person could answer is left open.
/// </summary>
internal sealed class PromptedSyncAnswerer(ConflictSide? prefer, Prompts prompts, ToolConsole console, QuestionWording wording) : ISyncAnswerer
{
    public SyncAnswers? Answer(SyncQuestion question, SyncAnswers answers, bool mayAsk)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answers);
        return question.Match(
            conflicts => Conflicts(conflicts.Items, answers, mayAsk),
            emptied => Emptied(emptied.Why, mayAsk) is { } side ? answers with { EmptiedRemote = side } : null,
            wentBack => WentBack(wentBack.Why, mayAsk) is { } side ? answers with { RemoteWentBack = side } : null,
            download => DownloadChoice(download, mayAsk) is { } mode ? answers with { Download = mode } : null,
            join => JoinChoice(join, mayAsk) is { } mode ? answers with { Join = mode } : null);
    }

    private SyncAnswers? Conflicts(IReadOnlyList<MergeConflict> conflicts, SyncAnswers answers, bool mayAsk)
    {
        if (prefer is { } side)
            return answers.WithConflicts(conflicts, _ => side);
        if (!mayAsk)
            return null;
        if (!prompts.CanAsk)
        {
            var list = string.Join("; ", conflicts.Select(c => $"{c.Label}: here {ConflictDescription.Describe(c, ConflictSide.Local)}, remote {ConflictDescription.Describe(c, ConflictSide.Remote)}"));
            throw new SyncConflictException($"both sides changed the same thing differently ({list}); {wording.DecideConflicts}");
        }

        console.Plain("Both sides changed the same thing differently since the last sync:");
        var decided = new Dictionary<MergeConflict, ConflictSide>();
        foreach (var conflict in conflicts)
        {
            decided[conflict] = SideOrCancel(prompts.Choose(
                $"{conflict.Label} — which version wins?",
                [(Choice.Local, $"This machine's: {ConflictDescription.Describe(conflict, ConflictSide.Local)}"),
                 (Choice.Remote, $"The remote one: {ConflictDescription.Describe(conflict, ConflictSide.Remote)}"),
                 (Choice.Cancel, "Cancel the sync")],
                "--prefer local|remote"));
        }
        return answers.WithConflicts(conflicts, c => decided[c]);
    }

    private ConflictSide? Emptied(string why, bool mayAsk)
    {
        if (prefer is { } side)
            return side;
        if (!mayAsk)
            return null;
        if (!prompts.CanAsk)
        {
            var keep = wording.KeepEmptied is { } k ? $", or {k}" : "";
            throw new SyncConflictException($"{why}; nothing was changed. {char.ToUpperInvariant(wording.AcceptEmptied[0])}{wording.AcceptEmptied[1..]}{keep}");
        }
        console.Plain(Sentence(why));
        List<(Choice, string)> choices = wording.KeepEmptied is null
            ? [(Choice.Cancel, "No: change nothing"), (Choice.Remote, "Yes: delete them here too")]
            : [(Choice.Local, "No: keep this machine's configs and upload them again"), (Choice.Remote, "Yes: delete them here too"), (Choice.Cancel, "Cancel")];
        return SideOrCancel(prompts.Choose("Apply that here too?", choices, wording.KeepEmptied is null ? "--force" : "--prefer local|remote"));
    }

    private ConflictSide? WentBack(string why, bool mayAsk)
    {
        if (prefer is { } side)
            return side;
        if (!mayAsk)
            return null;
        if (!prompts.CanAsk)
            throw new SyncConflictException($"{why}; nothing was changed. Pass --prefer local to write this machine's configs again, or --prefer remote to take the remote document as it is");
        console.Plain(Sentence(why));
        return SideOrCancel(prompts.Choose("Which should stand?",
            [(Choice.Local, "This machine's configs: write them again"),
             (Choice.Remote, "The remote document as it is now"),
             (Choice.Cancel, "Cancel")],
            "--prefer local|remote"));
    }

    private DownloadMode? DownloadChoice(SyncQuestion.DownloadChoice question, bool mayAsk)
    {
        if (!mayAsk)
            return null;
        if (!prompts.CanAsk)
            throw new SyncConflictException($"{question.Why}; pass --merge to merge them or --force to replace them");
        foreach (var line in question.Difference?.Describe() ?? [])
            console.Plain("  " + line);
        return prompts.Choose(
            "Local configs changed too. What should the download do?",
            [(Choice.Merge, "Merge: keep local configs, add remote ones (remote wins where both changed the same config)"),
             (Choice.Replace, "Replace: the local configs become the remote ones"),
             (Choice.Cancel, "Cancel")],
            "--merge or --force") switch
        {
            Choice.Merge => DownloadMode.Merge,
            Choice.Replace => DownloadMode.Replace,
            _ => throw new CancelledByUserException(),
        };
    }

    // Without a terminal setup leaves both sides alone (s3-sync decides later); on one, it asks.
    private JoinMode? JoinChoice(SyncQuestion.JoinChoice question, bool mayAsk)
    {
        if (!mayAsk)
            return null;
        console.Plain("Local and remote configs differ:");
        foreach (var line in question.Difference.Describe())
            console.Plain("  " + line);
        if (question.EmptiedWhy is { } emptiedWhy)
            console.Warn(emptiedWhy);
        if (!prompts.CanAsk)
            return JoinMode.Leave;
        // An emptied remote puts keeping this machine's configs first: Enter must never delete them.
        List<(Choice, string)> choices = question.EmptiedWhy is not null
            ? [(Choice.Upload, "Keep this machine's configs: upload them to the remote"),
               (Choice.Leave, "Leave both as they are (start-claude s3-sync asks later)"),
               (Choice.Download, "Delete them here too: take the emptied remote"),
               (Choice.Cancel, "Cancel: change nothing")]
            : [(Choice.Merge, "Merge: keep both sides' configs (asks where the same config differs)"),
               (Choice.Upload, "Upload: the remote document becomes this machine's configs"),
               (Choice.Download, "Download: this machine's configs become the remote ones"),
               (Choice.Cancel, "Cancel: change nothing")];
        return prompts.Choose("What should setup do with them?", choices, "s3-sync --prefer local|remote after setup") switch
        {
            Choice.Merge => JoinMode.Merge,
            Choice.Upload => JoinMode.Upload,
            Choice.Download => JoinMode.Download,
            Choice.Leave => JoinMode.Leave,
            _ => throw new CancelledByUserException(),
        };
    }

    private static ConflictSide SideOrCancel(Choice choice) => choice switch
    {
        Choice.Local => ConflictSide.Local,
        Choice.Remote => ConflictSide.Remote,
        _ => throw new CancelledByUserException(),
    };

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + ".";

    private enum Choice
    {
        Local,
        Remote,
        Merge,
        Replace,
        Upload,
        Download,
        Leave,
        Cancel,
    }
}
