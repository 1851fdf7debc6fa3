namespace StartClaude.Core.Bindings;

/// <summary>A folder bound to a config.</summary>
/// <param name="ConfigName">The config the binding names (not yet checked against the configs).</param>
/// <param name="Folder">The folder bound (the current folder or an ancestor of it).</param>
/// <param name="Origin">The file that holds the binding: the folder's binding file, or this machine's bindings.json.</param>
public sealed record Binding(string ConfigName, BindingKind Kind, string Folder, string Origin);
