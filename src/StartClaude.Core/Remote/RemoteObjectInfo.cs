namespace StartClaude.Core.Remote;

/// <summary>What the service says about the remote document without sending it.</summary>
public sealed record RemoteObjectInfo(long Size, DateTimeOffset? LastModified, string? ETag);

/// <summary>The remote document's bytes and what the service said about them.</summary>
public sealed record RemoteObject(byte[] Content, RemoteObjectInfo Info)
{
    /// <summary>The object's x-amz-meta-* headers as read (bounded by the wire); empty when none were read.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>What an upload may assume about the remote object.</summary>
public abstract record WriteCondition
{
    /// <summary>Write whatever is there (an explicit override).</summary>
    public sealed record Unconditional : WriteCondition;

    /// <summary>Write only if no object exists yet (If-None-Match: *).</summary>
    public sealed record MustNotExist : WriteCondition;

    /// <summary>Write only if the object still has this ETag (If-Match).</summary>
    public sealed record MustMatch(string ETag) : WriteCondition;

    public static WriteCondition From(RemoteObjectInfo? seen) =>
        seen?.ETag is { } etag ? new MustMatch(etag) : seen is null ? new MustNotExist() : new Unconditional();
}
