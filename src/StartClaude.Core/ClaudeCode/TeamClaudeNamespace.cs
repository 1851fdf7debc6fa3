namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// Where a team's Claude Code items live on a member's machine, marked with the team's name, and how their names
/// there map to the team document's: the team's <c>CLAUDE.md</c> is <c>rules/TEAM/CLAUDE.md</c> (Claude Code
/// loads every file under <c>rules/</c>), <c>agents/X</c> is <c>agents/TEAM/X</c>, <c>commands/X</c> is
/// <c>commands/TEAM/X</c> (Claude Code offers it as <c>/TEAM:X</c>), and the MCP server
/// <c>NAME</c> is <c>TEAM-NAME</c>. Other kinds (skills, output styles, settings keys) are not a team's.
/// </summary>
public sealed class TeamClaudeNamespace(string team)
{
    /// <summary>The kinds a team carries as folders, each under <c>KIND/TEAM/</c> here.</summary>
    public static readonly IReadOnlyList<string> Folders = ["agents", "commands"];

    /// <summary>The kinds a team carries, in the team document's names.</summary>
    public static readonly IReadOnlySet<string> Kinds = new SortedSet<string>([ClaudeKinds.Memory, .. Folders, ClaudeKinds.McpServers], StringComparer.Ordinal);

    public string Team => team;

    /// <summary>The start of the name of each of the team's MCP servers here.</summary>
    public string McpPrefix => team + "-";

    /// <summary>The team's CLAUDE.md here, relative to the Claude Code folder.</summary>
    public string MemoryPath => $"{ClaudeKinds.Rules}/{team}/{ClaudeKinds.Memory}";

    /// <summary>The team's folder of <paramref name="kind"/> here (<c>agents/TEAM</c>).</summary>
    public string FolderOf(string kind) => $"{kind}/{team}";

    /// <summary>The id here of the team document's item <paramref name="teamId"/>, or null when a team does not carry it.</summary>
    public string? ToLocal(string teamId)
    {
        var (map, name) = ClaudeSection.Split(teamId);
        if (map == ClaudeSection.McpServers)
            return ClaudeItemIds.Mcp(McpPrefix + name);
        if (map != ClaudeSection.Files)
            return null;
        if (name == ClaudeKinds.Memory)
            return ClaudeItemIds.File(MemoryPath);
        var slash = name.IndexOf('/');
        return slash > 0 && Folders.Contains(name[..slash]) ? ClaudeItemIds.File($"{name[..slash]}/{team}/{name[(slash + 1)..]}") : null;
    }

    /// <summary>Whether the team document's item <paramref name="teamId"/> has a place here (a file: a path no longer than a path may be).</summary>
    public bool HasPlaceFor(string teamId) =>
        ToLocal(teamId) is { } local && (!local.StartsWith(ClaudeItemIds.FilePrefix, StringComparison.Ordinal) || ClaudePath.Problem(local[ClaudeItemIds.FilePrefix.Length..]) is null);

    /// <summary>The team document's id of the item <paramref name="localId"/> here, or null when it is not in the team's namespace.</summary>
    public string? ToTeam(string localId)
    {
        var (map, name) = ClaudeSection.Split(localId);
        if (map == ClaudeSection.McpServers)
            return name.StartsWith(McpPrefix, StringComparison.Ordinal) && name.Length > McpPrefix.Length ? ClaudeItemIds.Mcp(name[McpPrefix.Length..]) : null;
        if (map != ClaudeSection.Files)
            return null;
        if (name == MemoryPath)
            return ClaudeItemIds.File(ClaudeKinds.Memory);
        foreach (var kind in Folders)
        {
            var prefix = FolderOf(kind) + "/";
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
                return ClaudeItemIds.File($"{kind}/{name[prefix.Length..]}");
        }
        return null;
    }

    /// <summary>Whether this namespace and <paramref name="other"/>'s could both claim an MCP server name (one team's name, a dash, starts the other's).</summary>
    public bool McpOverlaps(TeamClaudeNamespace other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Team != team && (other.McpPrefix.StartsWith(McpPrefix, StringComparison.Ordinal) || McpPrefix.StartsWith(other.McpPrefix, StringComparison.Ordinal));
    }
}
