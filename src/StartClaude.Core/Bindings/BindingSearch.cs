namespace StartClaude.Core.Bindings;

/// <summary>
/// The nearest binding from a folder upward. Per folder it costs one look-up in this machine's bindings
/// (already read) and one status call for a binding file; nothing is opened unless a file is there.
/// In one folder, this machine's binding comes before the folder's file: it is this machine's own choice.
/// </summary>
public static class BindingSearch
{
    /// <exception cref="Errors.LocalConfigException">The nearest binding file is not a readable binding file.</exception>
    public static Binding? Nearest(string startFolder, IReadOnlyDictionary<string, string> hereOnly, string hereOnlyOrigin)
    {
        ArgumentNullException.ThrowIfNull(hereOnly);
        for (string? folder = HereOnlyBindings.Key(startFolder); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (hereOnly.TryGetValue(folder, out var recorded))
                return new Binding(recorded, BindingKind.HereOnly, folder, hereOnlyOrigin);
            if (BindingFile.ReadIn(folder) is { } named)
                return new Binding(named, BindingKind.File, folder, BindingFile.PathIn(folder));
        }
        return null;
    }
}
