using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Tool.Configs;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("edit", Description = "Change a configuration: by flags, or on a terminal by answering its questions (Enter keeps a value).")]
internal sealed class EditCommand(ConfigChanges changes, Prompts prompts, ToolConsole console) : ConfigFieldOptions
{
    [Argument(0, "name", Description = "The configuration to change.")]
    [Required(ErrorMessage = "name the config to edit (start-claude list shows them)")]
    public string Name { get; set; } = "";

    [Option("--rename <NEW-NAME>", Description = "Give the configuration a new name.")]
    public string? Rename { get; set; }

    [Option("--unset <FIELD>", Description = "Remove a field (repeatable), for example --unset baseUrl.")]
    public string[] Unset { get; set; } = [];

    [Option("--local-only", Description = "Keep this config on this machine only: it leaves the shared document (other devices drop it at their next sync).")]
    public bool LocalOnly { get; set; }

    [Option("--no-local-only", Description = "Share this config again: it goes to the bucket at the next sync.")]
    public bool NoLocalOnly { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        var assignments = Assignments();
        if (Rename is not null && FieldValue.Problem(ConfigFields.Name, Rename) is { } problem)
            throw new UsageException(problem);
        if (Rename is not null)
            RootCommand.RefuseCommandName(Rename);
        foreach (var field in Unset.Where(f => f is "name" or "id" or "isDefault"))
            throw new UsageException($"--unset cannot remove '{field}'");
        if (LocalOnly && NoLocalOnly)
            throw new UsageException("--local-only and --no-local-only contradict each other; pass one of them");

        var current = ConfigBook.Get(changes.Current(), Name);
        // A team's config shared would go to the personal remote (its secrets in that document) and leave the team's view, which the team's next sync takes for a deletion.
        if (Core.Teams.TeamLocalView.TeamOf(current) is { } team
            && (NoLocalOnly || Unset.Any(f => f is ConfigEntry.LocalOnlyField or Core.Teams.TeamLocalView.TeamField)))
            throw new UsageException($"'{TerminalText.Bounded(current.Name)}' is team {TerminalText.Bounded(team)}'s config: it stays off your own remote; to have a copy of your own, add one (start-claude add); nothing was changed");
        // A field this version does not know may still be removed when the config has it (the original tool's own fields).
        foreach (var field in Unset.Where(f => ConfigFields.Find(f) is null && !current.Node.ContainsKey(f)))
            throw new UsageException($"--unset: '{field}' is not a field of config '{current.Name}'; known fields: {string.Join(", ", ConfigFields.All.Where(f => f != ConfigFields.Name && f != ConfigFields.IsDefault).Select(f => f.Name))}");
        Action<JsonObject> change;
        if (AnyFieldGiven || Rename is not null || Unset.Length > 0 || LocalOnly || NoLocalOnly)
        {
            change = config =>
            {
                Apply(config, assignments);
                if (LocalOnly)
                    config[ConfigEntry.LocalOnlyField] = true;
                if (NoLocalOnly)
                    config.Remove(ConfigEntry.LocalOnlyField);
                if (MakeDefault)
                    config["isDefault"] = true;
                if (Rename is not null)
                    config["name"] = Rename.Trim();
                foreach (var field in Unset)
                    config.Remove(ConfigFields.Find(field)?.Name ?? field);
            };
        }
        else if (prompts.CanAsk)
        {
            var answers = Ask(current);
            change = config =>
            {
                foreach (var (field, value) in answers)
                    config[field] = value?.DeepClone();
            };
        }
        else
        {
            throw new UsageException("nothing to change: pass the fields to change, for example --model or --base-url (see start-claude edit --help)");
        }

        await changes.ApplyAsync(document => ConfigBook.Update(document, Name, change), edit =>
        {
            var name = Rename?.Trim() ?? current.Name!;
            console.Plain($"Updated '{name}': {ConfigDescriptions.OneLine(ConfigBook.Get(edit.Document, name))}");
            if (LocalOnly && !current.IsLocalOnly)
                console.Plain($"'{name}' is local-only now: it stays on this machine and leaves the shared document at the next sync.");
            if (NoLocalOnly && current.IsLocalOnly)
                console.Plain($"'{name}' is shared again: it goes to the bucket at the next sync.");
        }).ConfigureAwait(false);
        return 0;
    }

    private Dictionary<string, JsonNode?> Ask(Core.Documents.ConfigEntry current)
    {
        var answers = new Dictionary<string, JsonNode?>();
        var others = changes.Current();
        answers["name"] = prompts.Ask("Name", "--rename", current.Name, name =>
            FieldValue.Problem(ConfigFields.Name, name)
            ?? (CommandCatalog.IsCommandWord(name.Trim()) ? $"'{name.Trim()}' is a start-claude command; choose another name" : null)
            ?? (ConfigBook.Find(others, name) is { } clash && !ReferenceEquals(clash.Node, current.Node) && !string.Equals(clash.Name, current.Name, StringComparison.Ordinal)
                ? $"a config named '{name.Trim()}' already exists" : null)).Trim();
        foreach (var (field, label) in new[] { (ConfigFields.BaseUrl, "Base URL"), (ConfigFields.ApiKey, "API key"), (ConfigFields.Model, "Model") })
        {
            var stored = current.Node[field.Name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var answer = prompts.AskOptional(label, "--" + Spelling.Kebab(field.Name), stored, t => FieldValue.Problem(field, t), field.IsSecret);
            if (answer is not null && answer != stored)
                answers[field.Name] = FieldValue.Parse(field, answer);
        }
        return answers;
    }
}
