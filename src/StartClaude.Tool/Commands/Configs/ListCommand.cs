using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;
using StartClaude.Core.Configs;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("list", Description = "List the configurations: name, profile type, base URL, model, key (masked), default, enabled, and scope (shared or local-only).")]
internal sealed class ListCommand(LocalConfigStore localStore, ToolConsole console)
{
    public int OnExecute()
    {
        var document = localStore.ReadOrEmpty();
        var configs = ConfigBook.Ordered(document);
        var preferred = ConfigBook.Default(document);
        if (configs.Count == 0)
        {
            console.Plain("No configurations yet. Add one with: start-claude add");
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Name", "Profile", "Base URL", "Model", "Key", "Default", "Enabled", "Scope");
        foreach (var config in configs)
        {
            table.AddRow(
                Markup.Escape(config.Name ?? ""),
                Markup.Escape(config.ProfileType ?? "default"),
                Markup.Escape(config.BaseUrl ?? ""),
                Markup.Escape(config.Model ?? ""),
                Markup.Escape(ConfigDescriptions.Key(config)),
                ReferenceEquals(config.Node, preferred?.Node) ? "yes" : "",
                config.IsEnabled ? "yes" : "no",
                config.IsLocalOnly ? "local-only" : "shared");
        }
        console.Out.Write(table);
        return 0;
    }
}
