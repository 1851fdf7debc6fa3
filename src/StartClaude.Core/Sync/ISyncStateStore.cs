using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>What this machine remembers per remote: the base and whether the service honours conditions.</summary>
public interface ISyncStateStore
{
    /// <summary>The base, or null (with a warning when the record is damaged).</summary>
    (SyncBase? Base, string? Warning) ReadBaseChecked(S3SyncSettings settings);

    /// <param name="writtenHere">This machine's own write made <paramref name="agreed"/> the remote document.</param>
    void SaveBase(S3SyncSettings settings, ConfigDocument agreed, RemoteObjectInfo? remote, bool writtenHere = false);

    /// <summary>Forgets what was agreed with this remote, so the next sync compares both sides as if never synced.</summary>
    void ForgetBase(S3SyncSettings settings);

    /// <summary>Null until learned.</summary>
    bool? ReadConditionalWrites(S3SyncSettings settings);

    void SaveConditionalWrites(S3SyncSettings settings, bool supported);
}
