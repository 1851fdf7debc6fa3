using System.Text.Json.Nodes;
using StartClaude.Core.Sync;

namespace StartClaude.Tool.Console;

/// <summary>A sync report's fields in <c>--json</c> output (docs/json.md, s3-sync).</summary>
internal static class SyncReportJson
{
    public static void Describe(JsonObject json, SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(report);
        json["outcome"] = JsonWords.Outcome(report.Outcome);
        json["reason"] = report.Reason;
        json["dryRun"] = report.DryRun;
        json["pending"] = report.Pending is { } pending ? JsonWords.Question(pending) : null;
        json["localChanges"] = JsonOutput.Changes(report.LocalChanges);
        json["remoteChanges"] = JsonOutput.Changes(report.RemoteChanges);
        json["conflicts"] = new JsonArray([.. report.Conflicts.Select(c => (JsonNode?)c.Label)]);
        json["retries"] = report.Retries;
        json["conditionalWrites"] = report.ConditionalWrites;
    }
}
