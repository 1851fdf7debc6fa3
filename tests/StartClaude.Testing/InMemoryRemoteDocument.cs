using System.Security.Cryptography;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Testing;

/// <summary>
/// The remote document's in-memory twin: a versioned object with ETags and times, honouring conditions
/// (or not), and faults a test can arm: another device's write between a read and a write, a write
/// answered as done that was never stored, a write stored whose answer is lost.
/// </summary>
public sealed class InMemoryRemoteDocument(Action<string>? log = null) : IRemoteDocument
{
    private readonly List<RemoteObject> _versions = [];
    private DateTimeOffset _clock = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether conditional writes are honoured (else the probe says no and the writer checks the ETag itself).</summary>
    public bool HonoursConditions { get; set; } = true;

    /// <summary>Runs once, right before the next write is decided: another device's write goes here.</summary>
    public Action<InMemoryRemoteDocument>? BeforeNextWrite { get; set; }

    /// <summary>The next write is answered as done (with a new ETag) but not stored: a lying cache or proxy.</summary>
    public bool LoseNextWrite { get; set; }

    /// <summary>The next write is stored, then fails as a broken connection would.</summary>
    public bool FailNextWriteAfterLanding { get; set; }

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public int Probes { get; private set; }

    public RemoteObject? Current => _versions.Count == 0 || _versions[^1].Content.Length == 0 && _versions[^1].Info.ETag is null ? null : _versions[^1];

    public IReadOnlyList<RemoteObject> Versions => _versions;

    /// <summary>Stores <paramref name="content"/> as a new version (another device's write, or the test's setup).</summary>
    public RemoteObject Put(byte[] content, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _clock = _clock.AddMinutes(1);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "-" + _versions.Count + "\"";
        var stored = new RemoteObject(content, new RemoteObjectInfo(content.Length, _clock, etag)) { Metadata = metadata ?? new Dictionary<string, string>() };
        _versions.Add(stored);
        return stored;
    }

    /// <summary>Deletes the document (the versions stay).</summary>
    public void Delete() => _versions.Add(new RemoteObject([], new RemoteObjectInfo(0, _clock, null)));

    public Task<RemoteRead> ReadIfChangedAsync(string? knownETag, CancellationToken cancellationToken = default)
    {
        Reads++;
        log?.Invoke("read remote");
        RemoteRead read = Current switch
        {
            null => new RemoteRead.Missing(),
            { Info.ETag: var etag } current when knownETag is not null && etag == knownETag => new RemoteRead.Unchanged(current.Info with { Size = -1 }),
            var current => new RemoteRead.Changed(current),
        };
        return Task.FromResult(read);
    }

    public Task<string?> WriteAsync(ReadOnlyMemory<byte> content, WriteCondition condition, bool honoursConditions, CancellationToken cancellationToken = default, WriterLabel? writer = null)
    {
        var before = BeforeNextWrite;
        BeforeNextWrite = null;
        before?.Invoke(this);
        Writes++;
        var etag = Current?.Info.ETag;
        // Checked by the service when it honours conditions, else by the writer just before writing; either way a 412.
        var checks = (HonoursConditions && honoursConditions) || !honoursConditions;
        var holds = condition switch
        {
            WriteCondition.MustMatch match => etag == match.ETag,
            WriteCondition.MustNotExist => Current is null,
            _ => true,
        };
        if (checks && !holds)
        {
            log?.Invoke("write refused (412)");
            throw new RemoteStoreException(RemoteFailureKind.PreconditionFailed, "the remote document changed (in-memory 412)");
        }
        if (LoseNextWrite)
        {
            LoseNextWrite = false;
            log?.Invoke("write remote (lost)");
            return Task.FromResult<string?>("\"lost-" + Writes + "\"");
        }
        var stored = Put(content.ToArray(), writer?.Headers());
        log?.Invoke("write remote");
        if (FailNextWriteAfterLanding)
        {
            FailNextWriteAfterLanding = false;
            throw new RemoteStoreException(RemoteFailureKind.Interrupted, "the connection broke after the upload (in-memory)");
        }
        return Task.FromResult(stored.Info.ETag);
    }

    public Task<bool> SupportsConditionalWritesAsync(CancellationToken cancellationToken = default)
    {
        Probes++;
        return Task.FromResult(HonoursConditions);
    }
}
