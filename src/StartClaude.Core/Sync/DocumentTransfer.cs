using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

public enum DownloadMode
{
    /// <summary>The remote configs replace the local ones (this machine's s3Sync is kept).</summary>
    Replace,
    /// <summary>Remote configs are added to the local ones; the same config on both sides takes the remote version.</summary>
    Merge,
}

/// <summary>
/// Moves a document one way: local → remote without s3Sync, or remote → local keeping s3Sync.
/// Either way the two sides then agree, and that is recorded as the base of the next sync.
/// </summary>
public sealed class DocumentTransfer(LocalConfigStore localStore, SyncStateStore stateStore)
{
    /// <param name="honoursConditions">False where the service ignores conditions: the ETag is then checked just before writing.</param>
    public async Task UploadAsync(SyncTarget target, WriteCondition condition, bool honoursConditions = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var body = target.Codec.Encode(target.Local);
        var etag = await target.Remote.WriteAsync(body, condition, honoursConditions, cancellationToken, WriterLabel.For(target.Local)).ConfigureAwait(false);
        stateStore.SaveBase(target.Settings, target.Local, new RemoteObjectInfo(body.Length, DateTimeOffset.UtcNow, etag));
    }

    /// <summary>Writes the downloaded document locally (atomically) and returns what was written.</summary>
    public ConfigDocument ApplyDownload(SyncTarget target, ConfigDocument remote, RemoteObjectInfo remoteInfo, DownloadMode mode)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = mode == DownloadMode.Merge
            ? DocumentMerger.MergeRemoteIntoLocal(target.Local, remote)
            : remote.WithSyncSettingsOf(target.Local);
        localStore.Write(result);
        // After a merge the remote still lacks the local additions: its document is the base, so the
        // next sync sees them as local changes and uploads them.
        ArgumentNullException.ThrowIfNull(remoteInfo);
        stateStore.SaveBase(target.Settings, remote, remoteInfo);
        return result;
    }

    /// <summary>Records that both sides hold <paramref name="agreed"/> now.</summary>
    public void RecordAgreement(SyncTarget target, ConfigDocument agreed, RemoteObjectInfo remoteInfo)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(remoteInfo);
        stateStore.SaveBase(target.Settings, agreed, remoteInfo);
    }
}
