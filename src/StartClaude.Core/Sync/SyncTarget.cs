using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>Everything a sync command works on: the local document, its S3 settings and the remote store.</summary>
public sealed record SyncTarget(ConfigDocument Local, S3SyncSettings Settings, IRemoteDocument Remote)
{
    /// <summary>The bucket behind <see cref="Remote"/>, for what only a bucket has (endpoint, proxy, versions).</summary>
    public RemoteDocumentStore Store => Remote as RemoteDocumentStore
        ?? throw new InvalidOperationException("this target's remote is not a bucket");

    public string RemoteName => $"s3://{Settings.Bucket}/{Settings.Key}";

    /// <summary>The form of the remote document: plain JSON, or encrypted when this machine says so.</summary>
    public DocumentCodec Codec { get; init; } = DocumentCodec.Plain;

    /// <summary>Where each setting came from ("config.json", "AWS_REGION", "default", ...); empty when not known.</summary>
    public IReadOnlyDictionary<SettingField, string> Sources { get; init; } = new Dictionary<SettingField, string>();

    /// <summary>The commands a refusal names (a team's for a team's document).</summary>
    public SyncAdvice Advice { get; init; } = SyncAdvice.Own;
}

/// <summary>Opens a <see cref="SyncTarget"/> from this machine's config.json.</summary>
/// <remarks>The local document is read through <paramref name="documents"/>: with the Claude Code items this machine keeps in step.</remarks>
/// <remarks>A remote on machine keys opens with <paramref name="machineSeals"/>: this machine's key, no passphrase, no scrypt.</remarks>
public sealed class SyncTargetLoader(LocalConfigStore localStore, ILocalDocumentStore documents, ProviderCatalog providers, RemoteStoreFactory remotes, IPassphraseSource passphrases,
    Machines.MachineSeals? machineSeals = null)
{
    /// <exception cref="LocalConfigException">No config.json, or no usable S3 settings in it.</exception>
    public SyncTarget Open()
    {
        var local = documents.Read()
            ?? throw new LocalConfigException($"S3 sync is not set up: {localStore.ConfigPath} does not exist; run start-claude s3-setup");
        var resolved = providers.ResolveStored(local)
            ?? throw new LocalConfigException($"S3 sync is not set up in {localStore.ConfigPath}; run start-claude s3-setup");
        var settings = resolved.Settings;
        var target = new SyncTarget(local, settings, remotes.Create(settings)) { Sources = resolved.Sources };
        if (local.S3Sync is { Encrypt: true, EncryptTo: Machines.MachineKeys.EncryptTo })
        {
            var seals = machineSeals ?? throw new InvalidOperationException("a loader for machine keys has their seals");
            return target with { Codec = DocumentCodec.Sealed(seals.Open(settings)) };
        }
        return local.S3Sync is { Encrypt: true } section
            ? target with
            {
                Codec = DocumentCodec.Encrypted(
                    () => passphrases.Get(target.RemoteName, section.RememberedPassphrase, isNew: false),
                    attempt => passphrases.AskAgain(target.RemoteName, section.RememberedPassphrase, attempt),
                    passphrases.WhileDeriving),
            }
            : target;
    }
}
