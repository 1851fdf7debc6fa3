namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// One hunk of a line diff: <see cref="BaseCount"/> lines of the base from <see cref="BaseStart"/> became
/// <see cref="SideCount"/> lines of the other text from <see cref="SideStart"/>. Either count may be 0.
/// </summary>
internal readonly record struct LineChange(int BaseStart, int BaseCount, int SideStart, int SideCount)
{
    public int BaseEnd => BaseStart + BaseCount;

    public int SideEnd => SideStart + SideCount;
}
