namespace StartClaude.Core.Errors;

/// <summary>
/// A failure the tool explains to a person in one line and maps to an exit code. Messages never hold a secret.
/// </summary>
public abstract class StartClaudeException(string message, Exception? inner = null) : Exception(message, inner)
{
    public abstract int ExitCode { get; }
}

/// <summary>Bad flags or settings, refused before any change or network call.</summary>
public sealed class UsageException(string message) : StartClaudeException(message)
{
    public override int ExitCode => ExitCodes.Usage;
}

/// <summary>The local config.json cannot be read or written.</summary>
public sealed class LocalConfigException(string message, Exception? inner = null) : StartClaudeException(message, inner)
{
    public override int ExitCode => ExitCodes.Failure;
}

/// <summary>Local and remote documents differ and nothing said which one wins.</summary>
public sealed class SyncConflictException(string message) : StartClaudeException(message)
{
    public override int ExitCode => ExitCodes.Conflict;
}

/// <summary>The person cancelled; nothing was changed.</summary>
public sealed class CancelledByUserException(string message = "cancelled; nothing was changed") : StartClaudeException(message)
{
    public override int ExitCode => ExitCodes.Failure;
}

/// <summary>Claude Code cannot be started: not on PATH, or the OS refused to run it.</summary>
public sealed class ClaudeLaunchException(string message, int exitCode, Exception? inner = null) : StartClaudeException(message, inner)
{
    public override int ExitCode { get; } = exitCode;
}

/// <summary>The remote document's encryption does not match this machine's: the other form, or a wrong passphrase.</summary>
public sealed class RemoteEncryptionException(string message) : StartClaudeException(message)
{
    public override int ExitCode => ExitCodes.Failure;
}
