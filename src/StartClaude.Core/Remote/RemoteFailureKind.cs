namespace StartClaude.Core.Remote;

public enum RemoteFailureKind
{
    WrongSecret,
    UnknownAccessKey,
    AccessDenied,
    BucketMissing,
    Unreachable,
    TimedOut,
    PreconditionFailed,
    ClockSkew,
    ServerError,
    /// <summary>429 or 503 SlowDown: the service asks to slow down.</summary>
    Throttled,
    /// <summary>The connection broke or the body ended early.</summary>
    Interrupted,
    /// <summary>The body does not match the checksum it was stored with.</summary>
    Corrupted,
    NotImplemented,
    Unexpected,
}
