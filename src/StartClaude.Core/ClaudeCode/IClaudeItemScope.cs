namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// Which Claude Code items on disk one document carries: where to look (single files, folders walked whole, the
/// user-scope MCP servers, settings keys) and, item by item, whether it is carried. This machine's own choice is
/// one (<see cref="ClaudeChoice"/>); a team's items, under the team's name, are another (<see cref="TeamClaudeScope"/>).
/// </summary>
public interface IClaudeItemScope
{
    /// <summary>Files read one by one, relative to the Claude Code folder (<c>CLAUDE.md</c>).</summary>
    IEnumerable<string> SingleFiles { get; }

    /// <summary>Folders whose text files are read, recursively, relative to the Claude Code folder (<c>agents</c>).</summary>
    IEnumerable<string> FolderRoots { get; }

    /// <summary>Whether the user-scope MCP servers are read.</summary>
    bool ReadsMcpServers { get; }

    /// <summary>The settings.json keys read.</summary>
    IEnumerable<string> SettingKeys { get; }

    /// <summary>Whether the item <paramref name="itemId"/>, as named on disk, is sent and applied.</summary>
    bool Carries(string itemId);
}
