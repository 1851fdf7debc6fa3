namespace StartClaude.Core.Remote;

/// <summary>What one conditional read of the remote document found.</summary>
public abstract record RemoteRead
{
    private RemoteRead()
    {
    }

    /// <summary>The document differs from the ETag given (or none was given): here it is.</summary>
    public sealed record Changed(RemoteObject Object) : RemoteRead;

    /// <summary>The service answered 304: the document still has the ETag given. Size is unknown (-1).</summary>
    public sealed record Unchanged(RemoteObjectInfo Info) : RemoteRead;

    /// <summary>There is no document.</summary>
    public sealed record Missing : RemoteRead;
}
