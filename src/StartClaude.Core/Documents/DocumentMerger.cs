using System.Text.Json.Nodes;

namespace StartClaude.Core.Documents;

/// <summary>
/// The merge a download offers: every local configuration is kept, every remote one is added, and where
/// both hold the same configuration (by id, else by name) the remote one wins. Settings merge key by key,
/// remote winning, and this machine's s3Sync is always kept.
/// </summary>
public static class DocumentMerger
{
    public static ConfigDocument MergeRemoteIntoLocal(ConfigDocument local, ConfigDocument remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);

        // Local-only configs take no part: they are put back unchanged at the end, as every download keeps them.
        var shared = local.ForRemote();
        var remoteConfigs = remote.ForRemote().Configs;
        var merged = new List<JsonObject>();
        foreach (var localConfig in shared.Configs)
        {
            var match = remoteConfigs.FirstOrDefault(r => r.SameConfigAs(localConfig));
            merged.Add((match ?? localConfig).Node);
        }
        foreach (var remoteConfig in remoteConfigs)
        {
            if (!shared.Configs.Any(l => l.SameConfigAs(remoteConfig)))
                merged.Add(remoteConfig.Node);
        }

        var settings = (JsonObject)local.SettingsNode.DeepClone();
        foreach (var (key, value) in remote.SettingsNode)
        {
            if (key == "s3Sync")
                continue;
            settings[key] = value?.DeepClone();
        }

        return local.With(merged, settings).WithSyncSettingsOf(local);
    }
}
