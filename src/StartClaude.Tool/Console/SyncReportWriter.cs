using StartClaude.Core.Sync;

namespace StartClaude.Tool.Console;

/// <summary>Says what a sync did (or would do), and which configs it touched.</summary>
internal static class SyncReportWriter
{
    public static void Write(ToolConsole console, SyncReport report, string remoteName)
    {
        var would = report.DryRun ? "Would " : "";
        var line = (report.Outcome, report.DryRun) switch
        {
            (SyncOutcome.NothingToDo, _) => $"Nothing to do: {report.Reason}.",
            (SyncOutcome.Uploaded, false) => $"Uploaded to {remoteName}: {report.Reason}.",
            (SyncOutcome.Downloaded, false) => $"Downloaded from {remoteName}: {report.Reason}.",
            (SyncOutcome.Merged, false) => $"Merged both sides and uploaded to {remoteName}: {report.Reason}.",
            (SyncOutcome.Uploaded, true) => $"{would}upload to {remoteName}: {report.Reason}.",
            (SyncOutcome.Downloaded, true) => $"{would}download from {remoteName}: {report.Reason}.",
            _ => $"{would}merge both sides: {report.Reason}.",
        };
        foreach (var warning in report.Warnings)
            console.Warn(warning);
        if (report.DryRun)
            console.Plain("Dry run: nothing will be changed.");
        if (report.Pending is { } pending)
            line = $"A real sync would ask first: {Pending(pending)}.";
        console.Plain(line);
        WriteChanges(console, "Changes here", report.LocalChanges);
        WriteChanges(console, "Changes on the remote", report.RemoteChanges);
        foreach (var conflict in report.Conflicts)
        {
            var keep = report.DryRun ? "would keep" : "kept";
            var won = report.Decisions.TryGetValue(conflict.Key, out var side)
                ? side == ConflictSide.Local ? $": {keep} this machine's version" : $": {(report.DryRun ? "would take" : "took")} the remote version"
                : "";
            console.Plain($"  conflict:    {conflict.Label} (here {ConflictDescription.Describe(conflict, ConflictSide.Local)}; remote {ConflictDescription.Describe(conflict, ConflictSide.Remote)}){won}");
        }
        if (report.Retries > 0)
            console.Plain($"Another device wrote while this sync ran; its changes were merged ({report.Retries} retr{(report.Retries == 1 ? "y" : "ies")}).");
        if (!report.ConditionalWrites && report.Outcome is SyncOutcome.Uploaded or SyncOutcome.Merged && !report.DryRun)
            console.Plain("Note: this service ignores conditional writes; the remote version was checked just before writing instead.");
    }

    private static string Pending(SyncQuestion question) => question.Match(
        conflicts => $"{conflicts.Items.Count} conflict{(conflicts.Items.Count == 1 ? "" : "s")} to decide (--prefer local|remote decides them)",
        emptied => emptied.Why,
        wentBack => wentBack.Why,
        download => download.Why,
        join => "local and remote configs differ");

    /// <summary>A titled list of what changed since the base, or nothing when nothing did.</summary>
    public static void WriteChanges(ToolConsole console, string title, DocumentDifference? difference)
    {
        if (difference is null || difference.IsEmpty)
            return;
        console.Plain(title + ":");
        foreach (var line in difference.DescribeChanges())
            console.Plain("  " + line);
    }
}
