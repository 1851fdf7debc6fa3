using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Tool.Configs;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("add", Description = "Add a configuration: on a terminal with no field flags it asks; otherwise the flags say everything.")]
internal sealed class AddCommand(ConfigChanges changes, Prompts prompts, ToolConsole console) : ConfigFieldOptions
{
    [Argument(0, "name", Description = "The new configuration's name (unique, ignoring case).")]
    public string? Name { get; set; }

    [Option("--local-only", Description = "Keep this config on this machine: it never goes to the bucket and no download, sync or restore changes it.")]
    public bool LocalOnly { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var assignments = Assignments();
        if (Name is not null && FieldValue.Problem(ConfigFields.Name, Name) is { } problem)
            throw new UsageException(problem);
        if (Name is not null)
            RootCommand.RefuseCommandName(Name);

        var config = new JsonObject();
        if (!AnyFieldGiven && prompts.CanAsk)
        {
            Ask(config, changes.Current());
        }
        else
        {
            config["name"] = Name ?? throw new UsageException("name the new config: start-claude add <name> [--api-key ...] [--base-url ...]");
            // Without a terminal nothing can be asked: a config with no settings at all is never what a script meant.
            if (!AnyFieldGiven)
                throw new UsageException($"there is no terminal to ask for the settings of '{Name}': pass them as flags, for example start-claude add {Name} --api-key <KEY> (or --profile-type official for Claude's own login)");
            config["profileType"] = "default";
            Apply(config, assignments);
            if (MakeDefault)
                config["isDefault"] = true;
        }
        if (LocalOnly)
            config[ConfigEntry.LocalOnlyField] = true;

        await changes.ApplyAsync(document => ConfigBook.Add(document, config), edit =>
        {
            var added = ConfigBook.Get(edit.Document, config["name"]!.GetValue<string>());
            console.Plain($"Added '{added.Name}'{(added.IsDefault ? " (the default)" : "")}{(added.IsLocalOnly ? " (local-only: it stays on this machine)" : "")}: {ConfigDescriptions.OneLine(added)}");
        }).ConfigureAwait(false);
        return 0;
    }

    private void Ask(JsonObject config, ConfigDocument current)
    {
        string? Unique(string name) =>
            FieldValue.Problem(ConfigFields.Name, name)
            ?? (CommandCatalog.IsCommandWord(name.Trim()) ? $"'{name.Trim()}' is a start-claude command; choose another name" : null)
            ?? (ConfigBook.Find(current, name) is not null ? $"a config named '{name.Trim()}' already exists" : null);

        var name = Name ?? prompts.Ask("Name", "a name (start-claude add <name>)", null, Unique);
        if (Name is not null && Unique(Name) is { } taken)
            throw new UsageException(taken);
        config["name"] = name.Trim();

        var official = prompts.Choose("Profile type",
            [(false, "default: an API key (and optionally another base URL)"), (true, "official: Claude's own login, no key")],
            "--profile-type");
        config["profileType"] = official ? "official" : "default";
        if (!official)
        {
            SetIfGiven(config, ConfigFields.BaseUrl, prompts.AskOptional("Base URL (empty for Anthropic's)", "--base-url", null, t => FieldValue.Problem(ConfigFields.BaseUrl, t)));
            SetIfGiven(config, ConfigFields.ApiKey, prompts.AskOptional("API key", "--api-key", null, t => FieldValue.Problem(ConfigFields.ApiKey, t), secret: true));
        }
        SetIfGiven(config, ConfigFields.Model, prompts.AskOptional("Model (empty for Claude Code's default)", "--model", null, t => FieldValue.Problem(ConfigFields.Model, t)));
        if (current.LiveConfigs.Count > 0)
            config["isDefault"] = prompts.Confirm("Make it the default?", "--default", defaultValue: false);
    }

    private static void SetIfGiven(JsonObject config, ConfigField field, string? answer)
    {
        if (answer is not null)
            config[field.Name] = FieldValue.Parse(field, answer);
    }
}
