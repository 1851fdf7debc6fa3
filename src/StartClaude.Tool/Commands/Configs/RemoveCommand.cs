using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Configs;
using StartClaude.Core.Errors;
using StartClaude.Tool.Configs;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("remove", Description = "Remove a configuration (asks first unless --yes; the previous file is kept in backups/).")]
internal sealed class RemoveCommand(ConfigChanges changes, Prompts prompts, ToolConsole console) : CommandBase
{
    [Argument(0, "name", Description = "The configuration to remove.")]
    [Required(ErrorMessage = "name the config to remove (start-claude list shows them)")]
    public string Name { get; set; } = "";

    [Option("-y|--yes", Description = "Remove without asking.")]
    public bool Yes { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var config = ConfigBook.Get(changes.Current(), Name);
        if (!Yes && !prompts.Confirm($"Remove config '{config.Name}' ({ConfigDescriptions.OneLine(config)})?", "--yes", defaultValue: false))
        {
            // A "no" is an answer, not a failure: nothing was asked to change, and nothing did.
            console.Plain($"Nothing removed: '{config.Name}' is kept.");
            return 0;
        }
        await changes.ApplyAsync(document => ConfigBook.Remove(document, Name), edit =>
        {
            console.Plain($"Removed '{config.Name}'.");
            if (edit.NewDefault is { } next)
                console.Plain($"'{next}' is now the default.");
        }).ConfigureAwait(false);
        return 0;
    }
}
