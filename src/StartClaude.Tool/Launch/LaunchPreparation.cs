using StartClaude.Abstractions;
using StartClaude.Core.Bindings;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Launch;
using StartClaude.Core.Local;
using StartClaude.Tool.Commands;
using StartClaude.Tool.Configs;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Launch;

/// <summary>
/// Everything a start does before it runs a program: the check of the remote when one is due, the choice
/// of config (command line, START_CLAUDE_CONFIG, the nearest binding, the default) and the plan. A start and
/// `start-claude run` share it, so both give their program exactly the same variables.
/// </summary>
internal sealed class LaunchPreparation(
    LocalConfigStore localStore,
    Lazy<StartupRemoteCheck> remoteCheck,
    ConfigChooser chooser,
    Prompts prompts,
    AppEnvironment environment,
    ToolConsole console)
{
    /// <param name="name">The config named on the command line, or null.</param>
    /// <param name="verbose">Say on stderr, in one line, which config and why.</param>
    public async Task<LaunchPlan> PrepareAsync(string? name, LaunchOverrides overrides, IReadOnlyList<string> passThrough, bool verbose)
    {
        // Checked before any file or network work, so a bad flag changes nothing.
        LaunchPlan.For(null, overrides, []);

        var document = localStore.ReadOrEmpty();
        // A name that is no config here is a usage error (exit 2), said before the remote check can upload
        // anything (docs/exit-codes.md), unless the remote has it (a config made on another device).
        var now = DateTimeOffset.UtcNow;
        if (name is not null && ConfigBook.Find(document, name) is null && !await remoteCheck.Value.RemoteHasAsync(document, name, now).ConfigureAwait(false))
            _ = NotFound(document, name);
        if (await remoteCheck.Value.RunAsync(document, now).ConfigureAwait(false))
            document = localStore.ReadOrEmpty();

        var choice = chooser.Choose(name);
        var config = Choose(document, overrides, choice);
        if (config is { IsEnabled: false })
            throw new UsageException($"config '{TerminalText.Escape(config.Name)}' is disabled; turn it on with: start-claude edit \"{TerminalText.Escape(config.Name)}\" --enabled true");
        if (verbose)
            console.Error.WriteLine(config is null
                ? "start-claude: no config, only the values given on the command line"
                : $"start-claude: config '{TerminalText.Escape(config.Name)}' ({(choice.Source == ConfigSource.Default && !config.IsDefault ? "chosen at the prompt" : ConfigChooser.Reason(choice))})");
        return LaunchPlan.For(config, overrides, passThrough);
    }

    /// <summary>
    /// One warning when Claude Code's project settings (.claude/settings.json or settings.local.json, from the
    /// current folder upward) set variables that replace the plan's: Claude Code applies them over ours.
    /// </summary>
    public void WarnOfProjectOverrides(LaunchPlan plan)
    {
        if (ProjectOverrides(plan) is { Count: > 0 } found)
            console.Warn(OverrideWarning(found, plan.ConfigName));
    }

    /// <summary>The settings files that would replace the plan's variables (none when the current folder is gone).</summary>
    public List<SettingsOverride> ProjectOverrides(LaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string folder;
        try
        {
            folder = environment.CurrentFolder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        // Every variable a config can set, and whatever else this plan sets (-e).
        var watched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in ConfigFields.All)
        {
            if (field.EnvironmentVariable is { } variable)
                watched.Add(variable);
        }
        foreach (var variable in plan.Variables.Keys)
            watched.Add(variable);
        return ClaudeProjectSettings.Overriding(folder, watched,
            problem => console.Warn($"could not check Claude Code's settings for variables that override the config: {TerminalText.Escape(problem)}"));
    }

    /// <summary>The one line that names each overriding file and its variables (values masked).</summary>
    public static string OverrideWarning(List<SettingsOverride> found, string? configName)
    {
        var files = new List<string>();
        foreach (var settings in found)
        {
            var variables = new List<string>();
            foreach (var (variable, value) in settings.Variables)
                variables.Add($"{TerminalText.Escape(variable)}={TerminalText.Escape(SecretMask.Mask(value))}");
            files.Add($"{TerminalText.Escape(settings.File)} sets {string.Join(", ", variables)}");
        }
        var whose = configName is null ? "the values start-claude sets" : $"config '{TerminalText.Escape(configName)}'";
        return $"Claude Code will override {whose}: {string.Join("; ", files)} (its env wins; remove them there to use the config's)";
    }

    private ConfigEntry? Choose(ConfigDocument document, LaunchOverrides overrides, ConfigChoice choice)
    {
        switch (choice.Source)
        {
            case ConfigSource.CommandLine:
                return ConfigBook.Find(document, choice.Name!) ?? NotFound(document, choice.Name!);
            case ConfigSource.EnvironmentVariable:
            case ConfigSource.Binding:
                return ConfigChooser.Resolve(document, choice);
        }
        if (ConfigBook.Default(document) is { } preferred)
            return preferred;
        var configs = ConfigBook.Ordered(document);
        if (configs.Count == 0)
        {
            if (overrides.Any)
                return null;
            throw new UsageException("there are no configurations yet: add one with start-claude add, set up sync with start-claude s3-setup, or pass --api-key/--base-url (see start-claude --help)");
        }
        if (!prompts.CanAsk)
            throw new UsageException("no configuration is the default: name one (start-claude <name>) or choose a default with start-claude default <name>");
        return AskWhich(configs);
    }

    // No command word is longer: a longer word is compared with none (a 100 KB one would cost megabytes each).
    private const int MaxCommandLength = 64;

    // A word that is neither a config nor a command: most often a mistyped command.
    private static ConfigEntry NotFound(ConfigDocument document, string name)
    {
        // "s3" alone starts the original tool's spelling (s3 sync): offer every s3 command.
        var commands = name.Trim().Equals(CommandCatalog.S3Word, StringComparison.OrdinalIgnoreCase)
            ? [.. CommandCatalog.Names.Where(c => c.StartsWith("s3-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : name.Length <= MaxCommandLength ? ClosestWords.To(name, CommandCatalog.Names) : [];
        if (commands.Count == 0)
            return ConfigBook.Get(document, name);
        var configs = ConfigBook.CloseMatches(document, name);
        var options = commands.Select(c => $"start-claude {c}").Concat(configs.Select(c => $"the config '{TerminalText.Bounded(c)}'"));
        throw new UsageException($"'{TerminalText.Bounded(name)}' is neither a command nor a config; did you mean {string.Join(" or ", options)}? (start-claude help lists the commands, start-claude list the configs)");
    }

    // Apart from Choose: the runtime loads what a method names before running it, and a start by name
    // should not load System.Linq for a question it never asks.
    private ConfigEntry AskWhich(IReadOnlyList<ConfigEntry> configs) =>
        prompts.Choose("Which configuration?", [.. configs.Where(c => c.IsEnabled).Select(c => (c, ConfigDescriptions.OneLine(c)))], "a config name");
}
