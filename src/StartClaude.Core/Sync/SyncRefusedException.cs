using StartClaude.Core.Errors;

namespace StartClaude.Core.Sync;

/// <summary>The planner refused the request (<see cref="SyncDecision.Refuse"/>); nothing was written.</summary>
public sealed class SyncRefusedException(string message, int exitCode) : StartClaudeException(message)
{
    public override int ExitCode { get; } = exitCode;
}
