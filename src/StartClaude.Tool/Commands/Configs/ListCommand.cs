using McMaster.Extensions.CommandLineUtils;
using Spectre.Console;
using Spectre.Console.Rendering;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("list", Description = "List the configurations: name, profile type, base URL, model, key (masked), default, enabled, and scope (shared, local-only or team NAME, shown when any config is not shared).")]
internal sealed class ListCommand(LocalConfigStore localStore, ToolConsole console) : JsonCommandBase
{
    public int OnExecute()
    {
        var document = localStore.ReadOrEmpty();
        var configs = ConfigBook.Ordered(document);
        var preferred = ConfigBook.Default(document);
        foreach (var config in configs)
        {
            if (config.Name is { } name && CommandCatalog.IsCommandWord(name.Trim()))
                console.Warn(CommandNamedConfig(name));
        }
        if (Json)
        {
            var json = JsonOutput.Result("list");
            json["configs"] = new System.Text.Json.Nodes.JsonArray([.. configs.Select(c => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = c.Name,
                ["profileType"] = c.ProfileType ?? "default",
                ["baseUrl"] = c.BaseUrl is null ? null : SecretMask.Url(c.BaseUrl),
                ["model"] = c.Model,
                ["key"] = ConfigDescriptions.Key(c) is { Length: > 0 } key ? key : null,
                ["isDefault"] = ReferenceEquals(c.Node, preferred?.Node),
                ["enabled"] = c.IsEnabled,
                ["localOnly"] = c.IsLocalOnly,
                ["team"] = TeamOf(c),
            })]);
            console.WriteJson(json);
            return 0;
        }
        if (configs.Count == 0)
        {
            console.Plain("No configurations yet. Add one with: start-claude add");
            return 0;
        }
        // The scope column only where it says something: when some config is local-only.
        var scoped = configs.Any(c => c.IsLocalOnly);
        // Cells are plain text, not markup: nothing to escape, and no markup parser (with its emoji table)
        // to set up on every list.
        // ASCII where the terminal's locale is not UTF-8: Spectre's "safe" border is still box drawing.
        var table = new Table().Border(console.AsciiOnly ? TableBorder.Ascii : TableBorder.Rounded);
        // Headers are cut with an ellipsis on a narrow terminal, as Spectre cuts a header given as a string.
        foreach (var header in (string[])["Name", "Profile", "Base URL", "Model", "Key", "Default", "Enabled", .. scoped ? ["Scope"] : Array.Empty<string>()])
            table.AddColumn(new TableColumn(new Text(header) { Overflow = Overflow.Ellipsis }));
        foreach (var config in configs)
        {
            IRenderable[] row =
            [
                Cell(config.Name),
                Cell(config.ProfileType ?? "default"),
                Cell(config.BaseUrl is null ? null : SecretMask.Url(config.BaseUrl)),
                Cell(config.Model),
                Cell(ConfigDescriptions.Key(config)),
                new Text(ReferenceEquals(config.Node, preferred?.Node) ? "yes" : ""),
                new Text(config.IsEnabled ? "yes" : "no"),
            ];
            table.AddRow(scoped ? [.. row, new Text(TeamOf(config) is { } team ? $"team {team}" : config.IsLocalOnly ? "local-only" : "shared")] : row);
        }
        // Spectre.Console 0.57 never finishes measuring a table whose columns cannot each hold one wide
        // character (with an emoji or CJK name, 8 columns spun forever on a terminal 26 to 33 wide): such a
        // table is drawn that wide anyway, and the terminal wraps its lines.
        var output = console.Out;
        output.Profile.Width = Math.Max(output.Profile.Width, LeastWidth(table.Columns.Count));
        output.Write(table);
        return 0;
    }

    /// <summary>
    /// How to start a config whose name is a command's (made by the original tool or by hand): `start-claude list`
    /// runs the command, so it is started as the default or renamed.
    /// </summary>
    internal static string CommandNamedConfig(string name)
    {
        var quoted = TerminalText.Bounded(name);
        return $"config '{quoted}' has the name of a command, so start-claude {quoted} runs the command; "
            + $"to start it, make it the default (start-claude default \"{quoted}\", then start-claude) or rename it (start-claude edit \"{quoted}\" --rename NEW-NAME)";
    }

    // Rounded borders and one space of padding each side take 3 per column and 1; 2 more for a wide character.
    internal static int LeastWidth(int columns) => (5 * columns) + 1;

    // Values come from the document, which may have come from the bucket: never raw escape codes.
    private Text Cell(string? value) => new(console.Printable(TerminalText.Escape(value)));

    // A team's config is kept out of the personal remote as a local-only one; its scope is the team's.
    private static string? TeamOf(ConfigEntry config) => Core.Teams.TeamLocalView.TeamOf(config);
}
