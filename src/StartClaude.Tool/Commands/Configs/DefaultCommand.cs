using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Configs;
using StartClaude.Tool.Configs;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("default", Description = "Make a configuration the one `start-claude` starts when no name is given.")]
internal sealed class DefaultCommand(ConfigChanges changes, ToolConsole console) : CommandBase
{
    [Argument(0, "name", Description = "The configuration to make the default.")]
    [Required(ErrorMessage = "name the config to make the default (start-claude list shows them)")]
    public string Name { get; set; } = "";

    public async Task<int> OnExecuteAsync()
    {
        await changes.ApplyAsync(
            document => ConfigBook.SetDefault(document, Name),
            edit => console.Plain($"'{ConfigBook.Default(edit.Document)?.Name}' is now the default.")).ConfigureAwait(false);
        return 0;
    }
}
