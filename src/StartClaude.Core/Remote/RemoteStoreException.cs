using StartClaude.Core.Errors;

namespace StartClaude.Core.Remote;

/// <summary>A request to the S3 service failed; the message says what is wrong in a person's words.</summary>
/// <param name="remedy">What to run to fix it, told apart so that the wizard, which offers its own way, can leave it out.</param>
public sealed class RemoteStoreException(RemoteFailureKind kind, string message, Exception? inner = null, string? remedy = null)
    : StartClaudeException(remedy is null ? message : $"{message}; {remedy}", inner)
{
    public RemoteFailureKind Kind { get; } = kind;

    /// <summary>What went wrong, without <see cref="Remedy"/>.</summary>
    public string Problem { get; } = message;

    /// <summary>The command that fixes it, when the message names one apart; else null.</summary>
    public string? Remedy { get; } = remedy;

    public override int ExitCode => ExitCodes.Failure;
}
