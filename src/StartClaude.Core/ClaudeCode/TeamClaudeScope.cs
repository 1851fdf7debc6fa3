namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// A team's Claude Code items on this machine as one document carries them: the kinds this machine takes from
/// the team (<paramref name="choice"/>, in the team document's names), looked for in the team's namespace only.
/// </summary>
public sealed class TeamClaudeScope(TeamClaudeNamespace space, ClaudeChoice choice) : IClaudeItemScope
{
    public TeamClaudeNamespace Namespace => space;

    public ClaudeChoice Choice => choice;

    public IEnumerable<string> SingleFiles => choice.Kinds.Contains(ClaudeKinds.Memory) ? [space.MemoryPath] : [];

    public IEnumerable<string> FolderRoots => TeamClaudeNamespace.Folders.Where(choice.Kinds.Contains).Select(space.FolderOf);

    public bool ReadsMcpServers => choice.ChoosesMcpServers;

    public IEnumerable<string> SettingKeys => [];

    public bool Carries(string itemId) => space.ToTeam(itemId) is { } teamId && choice.Carries(teamId);
}
