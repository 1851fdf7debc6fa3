using McMaster.Extensions.CommandLineUtils;
using StartClaude.Abstractions;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Launch;
using StartClaude.Core.Local;
using StartClaude.Tool.Commands.Configs;
using StartClaude.Tool.Configs;
using StartClaude.Tool.Console;
using StartClaude.Tool.Launch;

namespace StartClaude.Tool.Commands;

[Command("start-claude",
    Description = "Start Claude Code with one of your configurations, manage them, and keep them in sync across devices through S3-compatible storage.",
    ExtendedHelpText = "\nExamples:\n  start-claude                   start the default configuration\n  start-claude work -- -p \"hi\"   start 'work', passing -p \"hi\" to claude\n  start-claude --api-key K --model M   start with no configuration at all",
    AllowArgumentSeparator = true)]
[VersionOptionFromMember("--version", MemberName = nameof(Version))]
internal sealed class RootCommand(LocalConfigStore localStore, Lazy<StartupRemoteCheck> remoteCheck, ClaudeProcess claude, Prompts prompts) : CommandBase
{
    [Argument(0, "name", Description = "The configuration to start (default: the default one).")]
    public string? Name { get; set; }

    [Option("--api-key <KEY>", Description = "Use this API key (ANTHROPIC_API_KEY) instead of the configuration's.")]
    public string? ApiKey { get; set; }

    [Option("--base-url <URL>", Description = "Use this base URL (ANTHROPIC_BASE_URL).")]
    public string? BaseUrl { get; set; }

    [Option("--model <MODEL>", Description = "Use this model (ANTHROPIC_MODEL).")]
    public string? Model { get; set; }

    [Option("-e|--env <VARIABLE>", Description = "Set an environment variable for Claude Code, as NAME=VALUE (repeatable; applied last).")]
    public string[] Variables { get; set; } = [];

    /// <summary>Everything after <c>--</c>, passed to claude untouched.</summary>
    public string[] RemainingArguments { get; set; } = [];

    public static string Version => ToolVersion.Text;

    /// <summary>No config may be called by a command word: it could never be started by name.</summary>
    /// <exception cref="UsageException">The name is a command's.</exception>
    public static void RefuseCommandName(string name)
    {
        if (CommandCatalog.IsCommandWord(name.Trim()))
            throw new UsageException($"'{name.Trim()}' is a start-claude command, so a config of that name could not be started by name; choose another name");
    }

    public async Task<int> OnExecuteAsync()
    {
        var overrides = new LaunchOverrides(ApiKey, BaseUrl, Model, Variables);
        // Checked before any file or network work, so a bad flag changes nothing.
        LaunchPlan.For(null, overrides, []);

        var document = localStore.ReadOrEmpty();
        // A name that is no config here is a usage error (exit 2), said before the remote check can upload
        // anything (docs/exit-codes.md), unless the remote has it (a config made on another device).
        var now = DateTimeOffset.UtcNow;
        if (Name is not null && ConfigBook.Find(document, Name) is null && !await remoteCheck.Value.RemoteHasAsync(document, Name, now).ConfigureAwait(false))
            _ = NotFound(document, Name);
        if (await remoteCheck.Value.RunAsync(document, now).ConfigureAwait(false))
            document = localStore.ReadOrEmpty();

        var config = Choose(document, overrides);
        if (config is { IsEnabled: false })
            throw new UsageException($"config '{config.Name}' is disabled; turn it on with: start-claude edit \"{config.Name}\" --enabled true");
        return claude.Run(LaunchPlan.For(config, overrides, RemainingArguments));
    }

    /// <summary>"start-claude X" for the commands close to <paramref name="word"/>, or null when none is or it is one.</summary>
    public static string? CommandSuggestion(string word)
    {
        if (CommandCatalog.IsCommandWord(word.Trim()))
            return null;
        var commands = ClosestWords.To(word, CommandCatalog.Names);
        return commands.Count == 0 ? null : string.Join(" or ", commands.Select(c => $"start-claude {c}"));
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

    private ConfigEntry? Choose(ConfigDocument document, LaunchOverrides overrides)
    {
        if (Name is not null)
            return ConfigBook.Find(document, Name) ?? NotFound(document, Name);
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

    // Apart from Choose: the runtime loads what a method names before running it, and a start by name
    // should not load System.Linq for a question it never asks.
    private ConfigEntry AskWhich(IReadOnlyList<ConfigEntry> configs) =>
        prompts.Choose("Which configuration?", [.. configs.Where(c => c.IsEnabled).Select(c => (c, ConfigDescriptions.OneLine(c)))], "a config name");
}
