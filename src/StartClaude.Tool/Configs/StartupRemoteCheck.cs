using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Configs;

/// <summary>
/// Before a config starts: when S3 sync is set up and the interval (<c>remoteConfigCheckIntervalMinutes</c>,
/// default 60) has passed since the last check, one sync that asks nothing. When nothing changed it
/// costs one round trip; when it cannot finish in <see cref="Limit"/>, or needs a decision, the start
/// goes on with the local configs and a warning. Messages go to stderr: stdout belongs to Claude Code.
/// </summary>
internal sealed class StartupRemoteCheck(
    ProviderCatalog providers,
    StartCheckStore checks,
    Lazy<HomeLock> homeLock,
    Lazy<SyncTargetLoader> loader,
    Lazy<SyncEngine> engine,
    ToolConsole console)
{
    /// <summary>
    /// Everything the check does, from waiting for the lock and resolving the settings to the answer. A
    /// start happens before every Claude Code session: a slow or unreachable service may delay it by about
    /// this much and no more (a round trip to S3 takes a fraction of it). A little under 1.5 s, so that
    /// with loading the sync engine and the provider around it the delay stays within 1.5 s.
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1.4);

    /// <summary>
    /// For a start by a name this machine does not have: whether the remote has it, read only (one GET, no
    /// lock, nothing written) and only when a check is due. False when it cannot tell in <see cref="Limit"/>.
    /// So a config made on another device can still be started by name, while a mistyped name ends in
    /// exit 2 having written nothing, here or remotely.
    /// </summary>
    public async Task<bool> RemoteHasAsync(ConfigDocument local, string name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            if (local.S3Sync is not { } section)
                return false;
            var remote = Core.Remote.RemoteIdentity.Of(section.ProviderId, providers.FillFromAws(section.Input, "config.json").Input);
            if (checks.ReadCheckedAt(remote) is { } at && at <= now && now - at < section.RemoteCheckInterval)
                return false;
            using var limit = new CancellationTokenSource(Limit);
            var target = loader.Value.Open();
            if (await target.Remote.ReadIfChangedAsync(knownETag: null, limit.Token).ConfigureAwait(false) is not RemoteRead.Changed { Object: var found })
                return false;
            var document = DocumentInvariants.Repair(target.Codec.Decode(found), "the remote document").Document;
            return Core.Configs.ConfigBook.Find(document, name) is not null;
        }
        catch (Exception ex) when (ex is StartClaudeException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Checks when due; true when config.json may have changed (read it again).</summary>
    public async Task<bool> RunAsync(ConfigDocument local, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(local);
        try
        {
            if (local.S3Sync is not { } section)
                return false;
            // Named before any provider resolves the settings: most starts end here, having loaded none.
            var remote = Core.Remote.RemoteIdentity.Of(section.ProviderId, providers.FillFromAws(section.Input, "config.json").Input);
            var last = checks.ReadCheckedAt(remote);
            if (last is { } at && at <= now && now - at < section.RemoteCheckInterval)
                return false;

            using var limit = new CancellationTokenSource(Limit);
            // Another run's lock is waited for within the budget too.
            using var held = homeLock.Value.Acquire(atMost: Limit);
            // Settings this version cannot use fail here, before anything is recorded: they are said at
            // every start. Only an attempt that reached for the remote waits out the interval.
            var target = loader.Value.Open();
            try
            {
                var report = await engine.Value.RunAsync(target, new SyncRequest.TwoWay(), new UnattendedSyncAnswerer(), dryRun: false, limit.Token).ConfigureAwait(false);
                foreach (var warning in report.Warnings)
                    console.Warn(warning);
                if (report.Outcome is SyncOutcome.Downloaded or SyncOutcome.Merged)
                    console.Error.WriteLine($"start-claude: took the newer configs from {target.RemoteName}");
                else if (report.Outcome is SyncOutcome.Uploaded)
                    console.Error.WriteLine($"start-claude: uploaded this machine's changes to {target.RemoteName}");
                return report.Outcome is not SyncOutcome.NothingToDo;
            }
            finally
            {
                // Also after a failure: an offline machine should not wait on every start.
                checks.SaveCheckedAt(remote, now);
            }
        }
        catch (OperationCanceledException)
        {
            console.Warn(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the remote did not answer within {Limit.TotalSeconds:0.#} s; starting with the local configs (start-claude s3-sync syncs by hand)"));
        }
        catch (StartClaudeException ex)
        {
            console.Warn($"could not check the remote configs ({ex.Message}); starting with the local ones");
        }
        return true;
    }
}
