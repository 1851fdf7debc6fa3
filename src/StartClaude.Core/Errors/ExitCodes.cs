namespace StartClaude.Core.Errors;

/// <summary>The documented exit codes (README, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Network, authentication, remote or local file failure.</summary>
    public const int Failure = 1;

    /// <summary>Usage error or invalid input, found before anything was changed.</summary>
    public const int Usage = 2;

    /// <summary>Local and remote differ and a decision is needed (<c>--prefer local|remote</c>).</summary>
    public const int Conflict = 3;

    /// <summary>The <c>claude</c> executable is not on PATH (the shell's "command not found").</summary>
    public const int ClaudeNotFound = 127;
}
