using System.Text.Json;
using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Configs;

[Command("show", Description = "Show one configuration, secrets masked.")]
internal sealed class ShowCommand(LocalConfigStore localStore, ToolConsole console) : CommandBase
{
    [Argument(0, "name", Description = "The configuration to show.")]
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "name the config to show (start-claude list shows them)")]
    public string Name { get; set; } = "";

    [Option("--reveal", Description = "Show secrets in full. Only on a terminal: never into a pipe, a file or a log.")]
    public bool Reveal { get; set; }

    public int OnExecute()
    {
        if (Reveal && !(console.OutputIsTerminal && console.IsInteractive))
            throw new UsageException("--reveal shows secrets only on a terminal; this output goes to a pipe or a file");
        var config = ConfigBook.Get(localStore.ReadOrEmpty(), Name);
        var width = config.Node.Select(p => p.Key.Length).DefaultIfEmpty(0).Max();
        foreach (var (key, value) in config.Node)
        {
            var secret = SecretFields.IsSecret(key);
            // A nested value (an env or headers object this version does not know) shows its keys, every string in it masked.
            var text = Reveal ? Plain(value)
                : value is JsonObject or JsonArray ? Masked(value).ToJsonString()
                : secret ? SecretMask.Mask(Plain(value)) : SecretMask.Url(Plain(value));
            console.Plain($"{(TerminalText.Escape(key) + ":").PadRight(width + 1)} {TerminalText.Escape(text)}");
        }
        return 0;
    }

    private static JsonNode Masked(JsonNode value) => value switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)Masked(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : (JsonNode?)Masked(item))]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(SecretMask.Mask(v.GetValue<string>())),
        _ => value.DeepClone(),
    };

    private static string Plain(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "null";
}
