namespace StartClaude.Core.Configs;

/// <summary>How a config field's value is written, checked and shown.</summary>
public enum FieldKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>Text that is a credential: always masked when shown.</summary>
    Secret,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>A whole number, zero or more.</summary>
    Number,

    /// <summary>true or false; true becomes "1" in Claude Code's environment.</summary>
    Flag,

    /// <summary>One of <see cref="ConfigField.Choices"/>.</summary>
    Choice,
}

/// <summary>
/// One field of a configuration that this version knows: its JSON name, its kind, and the Claude Code
/// environment variable it becomes when the configuration is started (null for fields that do not).
/// </summary>
public sealed record ConfigField(string Name, FieldKind Kind, string? EnvironmentVariable = null, IReadOnlyList<string>? Choices = null)
{
    public bool IsSecret => Kind == FieldKind.Secret;
}
