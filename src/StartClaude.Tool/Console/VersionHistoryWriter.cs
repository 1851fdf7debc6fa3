using System.Globalization;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.History;
using StartClaude.Core.Sync;

namespace StartClaude.Tool.Console;

/// <summary>What s3-history prints: the versioning state, the table of versions and what each one changed.</summary>
internal sealed class VersionHistoryWriter(ToolConsole console)
{
    public void ExplainState(VersioningState state, string bucket, int count)
    {
        var turnOn = $"Turn it on with: start-claude s3-history --enable-versioning (needs s3:PutBucketVersioning), or with the service's own tools (for AWS: aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled).";
        switch (state)
        {
            case VersioningState.Off:
                console.Warn($"versioning is off for bucket '{bucket}': it keeps only the current document, so there is no older version to list or restore. {turnOn} Until then this machine's backups are the history: start-claude backups.");
                break;
            case VersioningState.Suspended:
                console.Warn($"versioning is suspended for bucket '{bucket}': the {count} version(s) kept so far are listed, but new writes replace the current one. {turnOn}");
                break;
        }
    }

    /// <summary>The header, as wide as the longest id shown (AWS's are 32 characters, MinIO's and moto's 36): header and rows line up.</summary>
    public int Header(IReadOnlyList<RemoteVersion> shown)
    {
        var idWidth = Math.Max(shown.Max(v => TerminalText.Escape(v.VersionId).Length), "VERSION".Length);
        console.Plain($"  {"VERSION".PadRight(idWidth)} {"WRITTEN",-23} {"SIZE",9}  {"CONFIGS",7}  DEVICE");
        return idWidth;
    }

    /// <summary>One version's row, and its --json entry.</summary>
    public JsonObject Row(RemoteVersion version, int idWidth)
    {
        var marker = version.IsLatest ? "*" : " ";
        var configs = version.Configs?.ToString(CultureInfo.InvariantCulture) ?? "?";
        // Details the service would not give are unknown, not absent: "(not recorded)" would state a fact.
        var device = version.DetailsUnreadable ? "(could not be read)" : version.Device ?? "(not recorded)";
        console.Plain($"{marker} {TerminalText.Escape(version.VersionId).PadRight(idWidth)} {Times.Describe(version.LastModified),-23} {Sizes.Describe(version.Size),9}  {configs,7}  {device}");
        return new JsonObject
        {
            ["versionId"] = version.VersionId,
            ["lastModified"] = JsonOutput.Time(version.LastModified),
            ["size"] = version.Size,
            ["device"] = version.Device,
            ["configs"] = version.Configs,
            ["isLatest"] = version.IsLatest,
            ["detailsRead"] = !version.DetailsUnreadable,
        };
    }

    /// <summary>What version <paramref name="index"/> changed against the one before it (the oldest fully listed one against nothing).</summary>
    public JsonNode? Changes(IReadOnlyList<(ConfigDocument? Document, string? Problem)> documents, bool olderListed, int index)
    {
        var (document, problem) = documents[index];
        if (document is null)
        {
            console.Plain($"    cannot read this version: {problem}");
            return null;
        }
        ConfigDocument? before;
        if (index + 1 < documents.Count)
            before = documents[index + 1].Document;
        else
            before = olderListed ? null : ConfigDocument.CreateEmpty();
        if (before is null)
        {
            console.Plain("    (the version before it cannot be read)");
            return null;
        }
        var difference = DocumentDifference.Between(document, before);
        foreach (var line in difference.DescribeChanges())
            console.Plain("    " + line);
        if (difference.IsEmpty)
            console.Plain("    no change to the configs");
        return JsonOutput.Changes(difference);
    }

    public static string StateName(VersioningState state) => state switch
    {
        VersioningState.Enabled => "enabled",
        VersioningState.Suspended => "suspended",
        VersioningState.Off => "off",
        _ => "unsupported",
    };
}
