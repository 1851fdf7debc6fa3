namespace StartClaude.Tool.Commands;

/// <summary>The <c>--json</c> option the commands deriving from <see cref="JsonCommandBase"/> share.</summary>
internal static class JsonFlag
{
    public const string Template = "--json";

    public const string Description = "Print one JSON object (schema in docs/json.md, secrets masked) and nothing else on stdout; never asks anything.";
}
