using StartClaude.Core.Errors;

namespace StartClaude.Core.Documents;

/// <summary>A document that is not a start-claude config document (not JSON, or wrong shape).</summary>
public sealed class DocumentFormatException(string message, Exception? inner = null) : StartClaudeException(message, inner)
{
    public override int ExitCode => ExitCodes.Failure;
}
