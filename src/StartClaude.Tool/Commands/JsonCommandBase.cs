using McMaster.Extensions.CommandLineUtils;

namespace StartClaude.Tool.Commands;

/// <summary>A command that can answer with one JSON object (<see cref="JsonFlag"/>).</summary>
internal abstract class JsonCommandBase : CommandBase
{
    [Option(JsonFlag.Template, Description = JsonFlag.Description)]
    public bool Json { get; set; }
}
