using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
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
    HomeLock homeLock,
    ProviderCatalog providers,
    SyncTargetLoader loader,
    SyncEngine engine,
    SyncStateStore stateStore,
    ToolConsole console)
{
    /// <summary>
    /// Connect and answer in total. A start happens before every Claude Code session: a slow or unreachable
    /// service may delay it by this much and no more (a round trip to S3 takes a fraction of it).
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1.5);

    /// <summary>Checks when due; true when config.json may have changed (read it again).</summary>
    public async Task<bool> RunAsync(ConfigDocument local, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(local);
        try
        {
            if (local.S3Sync is not { } section || providers.StoredSettings(local) is not { } settings)
                return false;
            var last = stateStore.ReadCheckedAt(settings);
            if (last is { } at && at <= now && now - at < section.RemoteCheckInterval)
                return false;

            using var held = homeLock.Acquire();
            using var limit = new CancellationTokenSource(Limit);
            try
            {
                var target = loader.Open();
                var report = await engine.SyncAsync(target, new UnattendedDecisions(), dryRun: false, limit.Token).ConfigureAwait(false);
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
                stateStore.SaveCheckedAt(settings, now);
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
