using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;
using StartClaude.Core.Configs;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("list", Description = "List the configurations: name, profile type, base URL, model, key (masked), default, enabled.")]
internal sealed class ListCommand(LocalConfigStore localStore, ToolConsole console) : CommandBase
{
    public int OnExecute()
    {
        var configs = ConfigBook.Ordered(localStore.ReadOrEmpty());
        if (configs.Count == 0)
        {
            console.Plain("No configurations yet. Add one with: start-claude add");
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Name", "Profile", "Base URL", "Model", "Key", "Default", "Enabled");
        foreach (var config in configs)
        {
            table.AddRow(
                Markup.Escape(config.Name ?? ""),
                Markup.Escape(config.ProfileType ?? "default"),
                Markup.Escape(config.BaseUrl ?? ""),
                Markup.Escape(config.Model ?? ""),
                Markup.Escape(ConfigDescriptions.Key(config)),
                config.IsDefault ? "yes" : "",
                config.IsEnabled ? "yes" : "no");
        }
        console.Out.Write(table);
        return 0;
    }
}
