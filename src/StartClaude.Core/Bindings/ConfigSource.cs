namespace StartClaude.Core.Bindings;

/// <summary>Why a start takes the config it takes, in the order they are asked (docs/bindings.md).</summary>
public enum ConfigSource
{
    CommandLine,
    EnvironmentVariable,
    Binding,
    Default,
}
