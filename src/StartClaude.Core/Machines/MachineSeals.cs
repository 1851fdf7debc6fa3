using StartClaude.Abstractions;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>The seal of this machine's personal remote on machine keys: its saved list and its own key.</summary>
public sealed class MachineSeals(MachineListStore lists, MachineIdentityStore identities, TimeProvider? time = null)
{
    /// <summary>The seal for the remote in <paramref name="settings"/>, from machines.json and identity.txt; opening with it runs no scrypt.</summary>
    /// <exception cref="LocalConfigException">This machine has not joined, or its key is gone.</exception>
    public TeamSeal Open(S3SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var remoteName = $"s3://{settings.Bucket}/{settings.Key}";
        var state = lists.Read(settings.Key)
            ?? throw new LocalConfigException($"this machine is set up to open {remoteName} with its machine key, but {lists.Path} is missing: join with start-claude s3-setup --encrypt --machine-keys (and the passphrase)");
        var identity = identities.Existing()
            ?? throw new LocalConfigException($"this machine's key ({identities.Path}) is gone, so it cannot open {remoteName}: restore the file, or join again with start-claude s3-setup --encrypt --machine-keys (and the passphrase)");
        return For(state, identity, remoteName);
    }

    /// <summary>A seal over <paramref name="state"/> that saves it to machines.json as it verifies or writes.</summary>
    public TeamSeal For(TeamState state, AgeIdentity identity, string remoteName) =>
        new(state, identity, lists.Write, time, MachineKeys.Wording(remoteName));
}
