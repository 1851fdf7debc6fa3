using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Testing;

/// <summary>sync-state.json's in-memory twin: the base and the states agreed before it, per remote.</summary>
public sealed class InMemorySyncState(Action<string>? log = null) : ISyncStateStore
{
    private readonly Dictionary<string, SyncBase> _bases = [];
    private readonly Dictionary<string, bool> _conditional = [];

    public int BaseWrites { get; private set; }

    public SyncBase? Base(S3SyncSettings settings) => _bases.GetValueOrDefault(SyncStateStore.RemoteId(settings));

    public (SyncBase? Base, string? Warning) ReadBaseChecked(S3SyncSettings settings) => (Base(settings), null);

    public void SaveBase(S3SyncSettings settings, ConfigDocument agreed, RemoteObjectInfo? remote, bool writtenHere = false)
    {
        BaseWrites++;
        log?.Invoke("write base");
        var id = SyncStateStore.RemoteId(settings);
        var hash = agreed.SharedContentHash();
        var before = _bases.TryGetValue(id, out var previous) && previous.Hash != hash
            ? new AgreedBefore(previous.Hash, previous.ETag)
            : previous?.Previous;
        _bases[id] = new SyncBase(remote?.ETag, hash, SharedDocument.FromLocal(agreed), remote) { Previous = before, WrittenHere = writtenHere };
    }

    public void ForgetBase(S3SyncSettings settings) => _bases.Remove(SyncStateStore.RemoteId(settings));

    public bool? ReadConditionalWrites(S3SyncSettings settings) =>
        _conditional.TryGetValue(SyncStateStore.RemoteId(settings), out var known) ? known : null;

    public void SaveConditionalWrites(S3SyncSettings settings, bool supported) =>
        _conditional[SyncStateStore.RemoteId(settings)] = supported;
}
