namespace StartClaude.Core.History;

/// <summary>Whether the bucket keeps old versions of the document.</summary>
public enum VersioningState
{
    /// <summary>Every write keeps the previous version.</summary>
    Enabled,

    /// <summary>Versioning was on and is paused: versions kept so far stay, new writes replace.</summary>
    Suspended,

    /// <summary>Never turned on: the bucket keeps only the current document.</summary>
    Off,

    /// <summary>The service has no object versions at all (Cloudflare R2).</summary>
    Unsupported,
}
