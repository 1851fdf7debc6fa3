using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Teams;

/// <summary>One team's document as the sync engine sees it: the target, the engine over the team's view of config.json, and the seal.</summary>
public sealed record TeamTarget(SyncTarget Target, SyncEngine Engine, TeamSeal Seal, TeamLocalView View)
{
    public RemoteDocumentStore Store => Target.Store;

    public string Name => Seal.State.Name;

    public string RemoteName => Target.RemoteName;
}

/// <summary>
/// Opens a team's document in the bucket this machine syncs with (same settings, the team's key), through
/// the same planner, writer and state store as the personal one.
/// </summary>
public sealed class TeamTargets(LocalConfigStore localStore, ProviderCatalog providers, RemoteStoreFactory remotes,
    ISyncStateStore states, TeamStateStore teams, MachineIdentityStore identities, TimeProvider? time = null,
    ClaudeCode.ClaudeFolder? claude = null, Action<string>? warn = null)
{
    /// <summary>A team this machine belongs to.</summary>
    /// <exception cref="UsageException">It does not.</exception>
    public TeamTarget Open(string team)
    {
        var state = teams.Read(TeamNames.CheckTeam(team))
            ?? throw new UsageException($"this machine is not in a team named {team}: 'start-claude team' names its teams; join one with start-claude team join {team} --id ID");
        var identity = identities.Existing()
            ?? throw new LocalConfigException($"this machine's key ({identities.Path}) is gone, so it cannot open team {team}'s document: restore the file, or have an admin invite this machine's new key (start-claude team key)");
        return For(state, identity);
    }

    /// <summary>A team being created or joined: <paramref name="state"/> is saved as the seal verifies or writes.</summary>
    public TeamTarget For(TeamState state, AgeIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(state);
        var local = localStore.Read()
            ?? throw new LocalConfigException($"S3 sync is not set up: {localStore.ConfigPath} does not exist; run start-claude s3-setup (a team's document lives in the bucket this machine syncs with)");
        var resolved = providers.ResolveStored(local)
            ?? throw new LocalConfigException($"S3 sync is not set up in {localStore.ConfigPath}; run start-claude s3-setup (a team's document lives in the bucket this machine syncs with)");
        var settings = resolved.Settings with { Key = state.Key };
        var seal = new TeamSeal(state, identity, teams.Write, time);
        var view = new TeamLocalView(state.Name, localStore, claude, warn);
        var target = new SyncTarget(view.Read() ?? Documents.ConfigDocument.CreateEmpty(), settings, remotes.Create(settings))
        {
            Codec = DocumentCodec.Sealed(seal),
            Sources = resolved.Sources,
            Advice = SyncAdvice.ForTeam(state.Name),
        };
        return new TeamTarget(target, new SyncEngine(view, states, new SyncWriter(view, states), time), seal, view);
    }
}
