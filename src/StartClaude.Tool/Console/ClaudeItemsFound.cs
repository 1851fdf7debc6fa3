using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;

namespace StartClaude.Tool.Console;

/// <summary>Lists the Claude Code items a scope carries as they are on disk now (claude-files, team claude-files).</summary>
internal static class ClaudeItemsFound
{
    public static void Write(ToolConsole console, ClaudeFolder folder, IClaudeItemScope scope)
    {
        var (section, warnings) = folder.Read(scope);
        foreach (var warning in warnings)
            console.Warn(warning);
        var items = ClaudeSection.Items(section).Select(i => i.Id).Where(scope.Carries).ToList();
        console.Plain(items.Count == 0 ? "Found here: nothing yet." : $"Found here ({items.Count}):");
        foreach (var id in items)
            console.Plain($"  {ClaudeSection.Label(id)}");
    }
}
