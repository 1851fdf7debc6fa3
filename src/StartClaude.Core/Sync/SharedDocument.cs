using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

/// <summary>
/// The crossing between this machine's document and the shared (remote) one, and the only one: what
/// leaves the machine, what a remote result may change here, and what cannot cross (a clash with a
/// local-only config) are decided here, and every sync, upload, download, restore and setup goes through it.
/// </summary>
public static class SharedDocument
{
    /// <summary>The remote document built from the local one: everything but this machine's <c>settings.s3Sync</c> and local-only configs.</summary>
    public static ConfigDocument FromLocal(ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return local.ForRemote();
    }

    /// <summary>
    /// A remote (or merged) result applied to the local document: the result's configs and settings,
    /// with this machine's <c>settings.s3Sync</c> and local-only configs kept whatever the result says.
    /// </summary>
    /// <exception cref="Errors.SyncConflictException">A clash (<see cref="Clash"/>): the planner checks it first.</exception>
    public static ConfigDocument ApplyToLocal(ConfigDocument shared, ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(local);
        return shared.WithSyncSettingsOf(local);
    }

    /// <summary>Why <paramref name="shared"/> cannot be applied to <paramref name="local"/> (a clash with a local-only config), or null.</summary>
    public static string? Clash(ConfigDocument shared, ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(local);
        return shared.LocalOnlyClash(local);
    }
}
