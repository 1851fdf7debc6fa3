using StartClaude.Core.Errors;

namespace StartClaude.Core.Remote;

/// <summary>A request to the S3 service failed; the message says what is wrong in a person's words.</summary>
public sealed class RemoteStoreException(RemoteFailureKind kind, string message, Exception? inner = null)
    : StartClaudeException(message, inner)
{
    public RemoteFailureKind Kind { get; } = kind;

    public override int ExitCode => ExitCodes.Failure;
}
