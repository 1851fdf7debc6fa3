using StartClaude.Abstractions;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Machines;
using StartClaude.Core.Providers;

namespace StartClaude.Tool.Commands.Machines;

/// <summary>This machine's S3 settings, for the s3-machines commands: only a remote on machine keys has a machine list.</summary>
internal sealed class MachineKeysSettings(LocalConfigStore localStore, ProviderCatalog providers)
{
    /// <exception cref="UsageException">S3 sync is not set up here, or not on machine keys.</exception>
    public S3SyncSettings Read()
    {
        var local = localStore.Read()
            ?? throw new LocalConfigException($"S3 sync is not set up: {localStore.ConfigPath} does not exist; run start-claude s3-setup");
        if (local.S3Sync is not { Encrypt: true, EncryptTo: MachineKeys.EncryptTo })
            throw new UsageException("this machine's remote is not on machine keys: start-claude s3-setup --encrypt --machine-keys switches it over (or joins one that is)");
        return (providers.ResolveStored(local)
            ?? throw new LocalConfigException($"S3 sync is not set up in {localStore.ConfigPath}; run start-claude s3-setup")).Settings;
    }
}
