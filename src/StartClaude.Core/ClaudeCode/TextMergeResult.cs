namespace StartClaude.Core.ClaudeCode;

/// <summary>The merge of two texts against their base: the merged text, or null when edits overlap.</summary>
/// <param name="Merged">The merged text; null when at least one region was edited differently on both sides.</param>
/// <param name="Conflicts">How many conflicting hunks, counted as <c>git merge-file</c> counts them; 0 when clean.</param>
public sealed record TextMergeResult(string? Merged, int Conflicts)
{
    public bool IsClean => Merged is not null;
}
