namespace StartClaude.Core.ClaudeCode;

/// <summary>A Claude Code file changed on this machine between the read and the write: plan again.</summary>
public sealed class ClaudeFilesChangedException(string message) : Errors.StartClaudeException(message)
{
    public override int ExitCode => Errors.ExitCodes.Failure;
}
