using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;
using StartClaude.Core.Configs;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("list", Description = "List the configurations: name, profile type, base URL, model, key (masked), default, enabled.")]
internal sealed class ListCommand(LocalConfigStore localStore, ToolConsole console) : JsonCommandBase
{
    public int OnExecute()
    {
        var configs = ConfigBook.Ordered(localStore.ReadOrEmpty());
        if (Json)
        {
            var json = JsonOutput.Result("list");
            json["configs"] = new System.Text.Json.Nodes.JsonArray([.. configs.Select(c => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = c.Name,
                ["profileType"] = c.ProfileType ?? "default",
                ["baseUrl"] = c.BaseUrl,
                ["model"] = c.Model,
                ["key"] = ConfigDescriptions.Key(c) is { Length: > 0 } key ? key : null,
                ["isDefault"] = c.IsDefault,
                ["enabled"] = c.IsEnabled,
            })]);
            console.WriteJson(json);
            return 0;
        }
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
                Cell(config.Name),
                Cell(config.ProfileType ?? "default"),
                Cell(config.BaseUrl),
                Cell(config.Model),
                Cell(ConfigDescriptions.Key(config)),
                config.IsDefault ? "yes" : "",
                config.IsEnabled ? "yes" : "no");
        }
        console.Out.Write(table);
        return 0;
    }

    // Values come from the document, which may have come from the bucket: never raw escape codes.
    private static string Cell(string? value) => Markup.Escape(TerminalText.Escape(value));
}
