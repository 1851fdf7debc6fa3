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
    /// <summary>A 3xx: the service (or something on the way) pointed elsewhere; it is never followed.</summary>
    Redirected,
    /// <summary>An answer larger than this tool reads.</summary>
    TooLarge,
    Unexpected,
}
