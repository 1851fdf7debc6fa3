using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Bindings;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Launch;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;
using StartClaude.Tool.Launch;

namespace StartClaude.Tool.Commands;

[Command("which", Description = "Say which configuration `start-claude` would start in this folder, and why (command line, START_CLAUDE_CONFIG, a binding, the default).")]
internal sealed class WhichCommand(LocalConfigStore localStore, ConfigChooser chooser, LaunchPreparation preparation, ToolConsole console) : JsonCommandBase
{
    public int OnExecute()
    {
        var document = localStore.ReadOrEmpty();
        var choice = chooser.Choose(null);
        var config = choice.Source == ConfigSource.Default ? ConfigBook.Default(document) : ConfigChooser.Resolve(document, choice);
        var plan = config is null ? null : LaunchPlan.For(config, LaunchOverrides.None, []);
        var overrides = plan is null ? [] : preparation.ProjectOverrides(plan);
        if (Json)
        {
            var json = JsonOutput.Result("which");
            json["config"] = config?.Name;
            json["source"] = SourceName(choice);
            json["file"] = choice.Binding?.Origin;
            json["folder"] = choice.Binding?.Folder;
            json["overriddenBy"] = new JsonArray([.. overrides.Select(o => (JsonNode?)new JsonObject
            {
                ["file"] = o.File,
                ["variables"] = new JsonArray([.. o.Variables.Select(v => (JsonNode?)v.Key)]),
            })]);
            console.WriteJson(json);
            return 0;
        }
        if (config is null)
        {
            console.Plain(document.LiveConfigs.Count == 0
                ? "No configuration: there are none yet (start-claude add adds one)."
                : "No configuration is the default and nothing binds this folder: a start here asks which (start-claude default NAME or start-claude bind NAME decides).");
            return 0;
        }
        console.Plain($"{TerminalText.Escape(config.Name)} ({ConfigChooser.Reason(choice)})");
        if (overrides.Count > 0)
            console.Warn(LaunchPreparation.OverrideWarning(overrides, config.Name));
        return 0;
    }

    private static string SourceName(ConfigChoice choice) => choice.Source switch
    {
        ConfigSource.EnvironmentVariable => "environment",
        ConfigSource.Binding when choice.Binding!.Kind == BindingKind.File => "binding-file",
        ConfigSource.Binding => "here-only-binding",
        _ => "default",
    };
}
