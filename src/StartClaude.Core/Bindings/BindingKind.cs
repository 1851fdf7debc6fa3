namespace StartClaude.Core.Bindings;

/// <summary>Where a folder's binding to a config is kept.</summary>
public enum BindingKind
{
    /// <summary>A <see cref="BindingFile"/> in the folder: committable, travels with the project.</summary>
    File,

    /// <summary>This machine's <see cref="HereOnlyBindings"/> file: never written into the folder, never synced.</summary>
    HereOnly,
}
