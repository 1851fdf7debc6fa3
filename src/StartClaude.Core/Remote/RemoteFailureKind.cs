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
    NotImplemented,
    Unexpected,
}
