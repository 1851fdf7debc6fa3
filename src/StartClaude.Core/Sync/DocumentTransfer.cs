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

/// <summary>Moves a document one way: local → remote without s3Sync, or remote → local keeping s3Sync.</summary>
public sealed class DocumentTransfer(LocalConfigStore localStore)
{
    public const string RemoteOrigin = "the remote document";

    public static byte[] RemoteBytes(ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return local.ForRemote().ToUtf8Bytes();
    }

    public static ConfigDocument ParseRemote(RemoteObject remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return ConfigDocument.Parse(remote.Content, RemoteOrigin);
    }

    public Task<string?> UploadAsync(SyncTarget target, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Remote.WriteAsync(RemoteBytes(target.Local), condition, cancellationToken);
    }

    /// <summary>Writes the downloaded document locally (atomically) and returns what was written.</summary>
    public ConfigDocument ApplyDownload(ConfigDocument local, ConfigDocument remote, DownloadMode mode)
    {
        var result = mode == DownloadMode.Merge
            ? DocumentMerger.MergeRemoteIntoLocal(local, remote)
            : remote.WithSyncSettingsOf(local);
        localStore.Write(result);
        return result;
    }
}
