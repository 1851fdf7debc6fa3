using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.Bindings;

/// <summary>
/// Which config a start takes, in this order: the name on the command line; <c>START_CLAUDE_CONFIG</c>;
/// the nearest binding from the current folder upward; the default. A name from the variable or a binding
/// that this machine has no config for is an error, never a quiet fall back to the default.
/// </summary>
public sealed class ConfigChooser(AppEnvironment environment, HereOnlyBindings hereOnly)
{
    public const string ConfigVariable = "START_CLAUDE_CONFIG";

    /// <exception cref="LocalConfigException">A binding file or bindings.json cannot be read, or the current folder is gone.</exception>
    public ConfigChoice Choose(string? commandLineName)
    {
        if (commandLineName is not null)
            return new ConfigChoice(commandLineName, ConfigSource.CommandLine, null);
        if (environment.Get(ConfigVariable) is { } named)
            return new ConfigChoice(named, ConfigSource.EnvironmentVariable, null);
        return NearestBinding() is { } binding
            ? new ConfigChoice(binding.ConfigName, ConfigSource.Binding, binding)
            : ConfigChoice.TheDefault;
    }

    /// <summary>The nearest binding from the current folder upward, or null.</summary>
    public Binding? NearestBinding()
    {
        string folder;
        try
        {
            folder = environment.CurrentFolder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot tell the current folder to look for a binding ({LocalFile.Reason(ex)}); name the config: start-claude NAME", ex);
        }
        return BindingSearch.Nearest(folder, hereOnly.Read(), hereOnly.Path);
    }

    /// <summary>The live config <paramref name="choice"/> names, when it came from the variable or a binding.</summary>
    /// <exception cref="UsageException">This machine has no such config; the message lists those it has, closest first.</exception>
    public static ConfigEntry Resolve(ConfigDocument document, ConfigChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return Configs.ConfigBook.Find(document, choice.Name!) ?? throw Missing(document, choice);
    }

    /// <summary>"the binding in FILE", "START_CLAUDE_CONFIG", ...: why <paramref name="choice"/> was made, in words.</summary>
    public static string Reason(ConfigChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Source switch
        {
            ConfigSource.CommandLine => "named on the command line",
            ConfigSource.EnvironmentVariable => $"from {ConfigVariable}",
            ConfigSource.Binding when choice.Binding!.Kind == BindingKind.File => $"bound by {TerminalText.Escape(choice.Binding.Origin)}",
            ConfigSource.Binding => $"{TerminalText.Escape(choice.Binding!.Folder)} is bound on this machine in {TerminalText.Escape(choice.Binding.Origin)}",
            _ => "the default",
        };
    }

    private static UsageException Missing(ConfigDocument document, ConfigChoice choice)
    {
        var where = choice.Source == ConfigSource.Binding
            ? choice.Binding!.Kind == BindingKind.File
                ? $"the binding file {TerminalText.Escape(choice.Binding.Origin)}"
                : $"this machine's binding of {TerminalText.Escape(choice.Binding.Folder)} in {TerminalText.Escape(choice.Binding.Origin)}"
            : ConfigVariable;
        var existing = ClosestFirst(document, choice.Name!);
        var listed = existing.Count == 0 ? "there are no configs on this machine yet" : $"the configs here are: {string.Join(", ", existing)}";
        var fix = choice.Source == ConfigSource.Binding
            ? "bind the folder again (start-claude bind NAME there) or add that config"
            : $"set {ConfigVariable} to one of them or unset it";
        return new UsageException($"{where} names the config '{TerminalText.Escape(choice.Name)}', which this machine does not have; {listed}; {fix}");
    }

    // Every live config's name, nearest the wanted one first (then as listed).
    private static List<string> ClosestFirst(ConfigDocument document, string wanted)
    {
        var typed = wanted.Trim().ToLowerInvariant();
        var names = new List<(string Name, int Distance, int Index)>();
        foreach (var config in Configs.ConfigBook.Ordered(document))
        {
            if (config.Name is { } name)
                names.Add((name, Abstractions.ClosestWords.Distance(typed, name.ToLowerInvariant()), names.Count));
        }
        names.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Index.CompareTo(b.Index));
        var result = new List<string>(names.Count);
        foreach (var (name, _, _) in names)
            result.Add($"'{TerminalText.Escape(name)}'");
        return result;
    }
}
