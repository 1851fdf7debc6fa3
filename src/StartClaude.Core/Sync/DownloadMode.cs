namespace StartClaude.Core.Sync;

/// <summary>How <c>s3-download</c> was asked to take the remote document.</summary>
public enum DownloadMode
{
    /// <summary>No flag: take the remote when nothing changed here since the base; else a choice is needed.</summary>
    Plain,
    /// <summary><c>-f</c>: the remote configs replace the local ones (this machine's s3Sync is kept).</summary>
    Replace,
    /// <summary><c>--merge</c>: the three-way merge, the remote deciding every conflict; written here only.</summary>
    Merge,
}
