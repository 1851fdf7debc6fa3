using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>
/// <c>KEY.keys.age</c> as one change of the machine list handles it: read once, then replaced or deleted only while
/// it is still the version read (or the one this change wrote), so two machines replacing the key at once never
/// both win.
/// </summary>
internal sealed class PassphraseKeyObject(RemoteStoreFactory remotes, SyncWriter writer, S3SyncSettings documentSettings)
{
    private readonly S3SyncSettings _settings = documentSettings with { Key = MachineKeys.KeysObjectKey(documentSettings.Key) };

    private RemoteDocumentStore? _store;

    private bool _read;

    private bool _wrote;

    private RemoteObjectInfo? _seen;

    public string Name => $"s3://{_settings.Bucket}/{_settings.Key}";

    /// <summary>The file as read; null before <see cref="ReadAsync"/> or when there is none.</summary>
    public RemoteObject? Current { get; private set; }

    private RemoteDocumentStore Store => _store ??= remotes.Create(_settings);

    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        if (_read)
            return;
        Current = await Store.ReadAsync(cancellationToken).ConfigureAwait(false);
        _seen = Current?.Info;
        _read = true;
    }

    /// <exception cref="TeamException">Another machine changed it since it was read.</exception>
    public async Task ReplaceAsync(byte[] file, CancellationToken cancellationToken)
    {
        var honours = await writer.ConditionalWritesAsync(new SyncTarget(ConfigDocument.CreateEmpty(), _settings, Store), cancellationToken).ConfigureAwait(false);
        try
        {
            var etag = await Store.WriteAsync(file, WriteCondition.From(_seen), honours, cancellationToken).ConfigureAwait(false);
            _seen = new RemoteObjectInfo(file.Length, DateTimeOffset.UtcNow, etag);
            _wrote = true;
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw new TeamException(_wrote
                ? $"another machine replaced the passphrase key ({Name}) while this one changed the machine list, whose document was not changed; run the command again"
                : $"another machine changed {Name} while this one replaced the passphrase key; run the command again; nothing was changed");
        }
    }

    /// <summary>
    /// Puts back the version read while the current one is still this change's own write: a change that stops before its
    /// document write (a lost race whose retry is refused) leaves the passphrase key the list names openable, as it found it.
    /// </summary>
    public async Task PutBackAsync(CancellationToken cancellationToken)
    {
        if (!_wrote || _seen is null)
            return;
        if (Current is null)
        {
            var now = await Store.StatAsync(cancellationToken).ConfigureAwait(false);
            if (now is not null && now.ETag == _seen.ETag)
                await Store.DeleteAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var honours = await writer.ConditionalWritesAsync(new SyncTarget(ConfigDocument.CreateEmpty(), _settings, Store), cancellationToken).ConfigureAwait(false);
        try
        {
            await Store.WriteAsync(Current.Content, WriteCondition.From(_seen), honours, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            // Another machine replaced it since: that one is theirs, and stays.
        }
        _wrote = false;
    }

    /// <summary>Deletes it when it is still the version read; one another machine wrote since names no key on this list, and stays.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        if (_seen is null)
            return;
        var now = await Store.StatAsync(cancellationToken).ConfigureAwait(false);
        if (now is not null && now.ETag == _seen.ETag)
            await Store.DeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
