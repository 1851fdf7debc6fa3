namespace StartClaude.Core.Diagnostics;

/// <summary>One check of <c>doctor</c>: what was checked, what was found, and how to fix it.</summary>
/// <param name="Id">A stable name for scripts ("clock", "credentials", ...).</param>
/// <param name="What">What was checked, for a person.</param>
/// <param name="Fix">What to do about it; null when there is nothing to do.</param>
public sealed record CheckResult(string Id, string What, CheckStatus Status, string Result, string? Fix = null);
