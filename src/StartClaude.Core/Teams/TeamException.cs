using StartClaude.Core.Errors;

namespace StartClaude.Core.Teams;

/// <summary>A team document, member list or team file that does not hold: the message says what and what to do.</summary>
public sealed class TeamException(string message) : StartClaudeException(message)
{
    public override int ExitCode => ExitCodes.Failure;
}
