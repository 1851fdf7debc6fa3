namespace StartClaude.Core.Bindings;

/// <summary>
/// The config a start asks for and why. <see cref="Name"/> is null for <see cref="ConfigSource.Default"/>:
/// the document decides which config that is.
/// </summary>
public sealed record ConfigChoice(string? Name, ConfigSource Source, Binding? Binding)
{
    public static ConfigChoice TheDefault { get; } = new(null, ConfigSource.Default, null);
}
