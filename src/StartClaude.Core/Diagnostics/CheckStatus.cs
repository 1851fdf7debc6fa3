namespace StartClaude.Core.Diagnostics;

public enum CheckStatus
{
    Ok,

    /// <summary>Works, with a limit worth knowing (no versioning, no conditional writes).</summary>
    Warning,

    /// <summary>Something is broken or unsafe: <c>doctor</c> exits 1.</summary>
    Problem,

    /// <summary>Not checked, because an earlier check says it cannot be (sync not set up, no remote reached).</summary>
    Skipped,
}
