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
internal sealed class RootCommand(LaunchPreparation preparation, ClaudeProcess claude) : CommandBase
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
        var plan = await preparation.PrepareAsync(Name, new LaunchOverrides(ApiKey, BaseUrl, Model, Variables), RemainingArguments, Verbose).ConfigureAwait(false);
        preparation.WarnOfProjectOverrides(plan);
        return claude.Run(plan);
    }

    /// <summary>"start-claude X" for the commands close to <paramref name="word"/>, or null when none is or it is one.</summary>
    public static string? CommandSuggestion(string word)
    {
        if (CommandCatalog.IsCommandWord(word.Trim()))
            return null;
        var commands = ClosestWords.To(word, CommandCatalog.Names);
        return commands.Count == 0 ? null : string.Join(" or ", commands.Select(c => $"start-claude {c}"));
    }
}
