using StartClaude.Core.Errors;

namespace StartClaude.Core.Remote;

/// <summary>A command needs the remote document and there is none.</summary>
public sealed class RemoteDocumentMissingException(string remoteName)
    : StartClaudeException($"there is no remote document at {remoteName} yet; run start-claude s3-upload or s3-sync first")
{
    public override int ExitCode => ExitCodes.Failure;
}
