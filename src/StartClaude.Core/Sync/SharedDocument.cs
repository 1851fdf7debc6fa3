using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

/// <summary>
/// The two crossings between this machine's document and the shared (remote) one. Every sync,
/// upload, download and setup goes through these two functions and no other: what leaves the machine
/// and what a remote result may change here are decided in one place each.
/// </summary>
public static class SharedDocument
{
    /// <summary>The remote document built from the local one: everything but this machine's <c>settings.s3Sync</c>.</summary>
    public static ConfigDocument FromLocal(ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return local.ForRemote();
    }

    /// <summary>
    /// A remote (or merged) result applied to the local document: the result's configs and settings,
    /// with this machine's <c>settings.s3Sync</c> kept whatever the result says.
    /// </summary>
    public static ConfigDocument ApplyToLocal(ConfigDocument shared, ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(local);
        return shared.WithSyncSettingsOf(local);
    }
}
