namespace StartClaude.Core.Sync;

/// <summary>Setup's answer when both sides hold configs that differ.</summary>
public enum JoinMode
{
    /// <summary>The two-way rules: merge per config (and their questions).</summary>
    Merge,
    /// <summary>This machine's configs replace the remote ones.</summary>
    Upload,
    /// <summary>The remote configs replace this machine's.</summary>
    Download,
    /// <summary>Neither side changes; s3-sync decides later.</summary>
    Leave,
}
