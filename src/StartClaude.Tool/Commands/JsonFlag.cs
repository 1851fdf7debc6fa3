namespace StartClaude.Tool.Commands;

/// <summary>The <c>--json</c> option the sync commands share (read before parsing, like <c>--verbose</c>).</summary>
internal static class JsonFlag
{
    public const string Template = "--json";

    public const string Description = "Print one JSON object (schema in README, secrets masked) and nothing else on stdout; never asks anything.";
}
