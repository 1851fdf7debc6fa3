namespace StartClaude.Core.Launch;

/// <summary>One of Claude Code's settings files whose <c>env</c> replaces variables a start sets.</summary>
/// <param name="File">The settings file.</param>
/// <param name="Variables">The variables it replaces, with the values it sets (secrets: mask before showing).</param>
public sealed record SettingsOverride(string File, IReadOnlyList<KeyValuePair<string, string>> Variables);
