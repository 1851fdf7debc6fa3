using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Teams;

/// <summary>
/// Which of a team's Claude Code items this machine takes (<c>team claude-files</c>), and their removal when it
/// leaves. Taking a kind claims the team's namespace for it on disk; what is already there is this machine's own
/// and would be sent to the whole team, so taking it is refused until that namespace is clear.
/// </summary>
public sealed class TeamClaudeItems(ClaudeFolder folder)
{
    /// <summary>Parses the kinds a team's items may be taken in (<c>none</c> for nothing).</summary>
    /// <exception cref="UsageException">A kind is not one, or not one a team carries.</exception>
    public static IReadOnlySet<string> ParseKinds(string list) => ClaudeChoice.ParseKinds(list, TeamClaudeNamespace.Kinds);

    /// <summary>
    /// <paramref name="local"/> with this machine taking <paramref name="kinds"/> of team <paramref name="team"/>'s items.
    /// </summary>
    /// <exception cref="SyncConflictException">A newly taken kind's namespace here already holds items, or another team's MCP servers would share names with this one's.</exception>
    public ConfigDocument Choose(ConfigDocument local, string team, IReadOnlySet<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(kinds);
        var s3Sync = local.Root["settings"]?["s3Sync"] as JsonObject
            ?? throw new LocalConfigException("S3 sync is not set up in config.json; run start-claude s3-setup");
        var space = new TeamClaudeNamespace(team);
        var current = ClaudeChoice.ForTeam(s3Sync, team, "config.json");
        var added = kinds.Where(k => !current.Kinds.Contains(k)).ToHashSet(StringComparer.Ordinal);
        if (added.Contains(ClaudeKinds.McpServers))
        {
            // Only a team whose MCP servers this machine takes claims names here (every team's are kept out of its own sync).
            var others = (s3Sync[ClaudeChoice.TeamsJsonName] as JsonObject)?.Select(t => t.Key)
                .Where(t => t != team && ClaudeChoice.ForTeam(s3Sync, t, "config.json").ChoosesMcpServers) ?? [];
            if (others.FirstOrDefault(other => space.McpOverlaps(new TeamClaudeNamespace(other))) is { } clash)
                throw new SyncConflictException($"team {team}'s MCP servers would be named {space.McpPrefix}NAME here, and team {clash}'s {new TeamClaudeNamespace(clash).McpPrefix}NAME: one name could be either team's, so this machine takes MCP servers from only one of them; nothing was changed");
        }
        if (added.Count > 0)
        {
            var fresh = new ClaudeChoice(added, new HashSet<string>(StringComparer.Ordinal));
            var scope = new TeamClaudeScope(space, fresh);
            var (found, _) = folder.Read(scope);
            var there = ClaudeSection.Items(found).Select(i => i.Id).Where(scope.Carries).ToList();
            if (there.Count > 0)
                throw new SyncConflictException($"{Where(space, there[0])} is where team {team}'s items go on this machine, and it already holds {Counts(there.Count)} of this machine's own ({Shown(there[0])}{(there.Count > 1 ? ", …" : "")}): move {(there.Count == 1 ? "it" : "them")} elsewhere (or they would be sent to the whole team), then choose again; nothing was changed");
        }
        var root = (JsonObject)local.Root.DeepClone();
        var sync = (JsonObject)root["settings"]!["s3Sync"]!;
        new ClaudeChoice(new SortedSet<string>(kinds, StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal))
        {
            Joined = current.Joined.Where(kinds.Contains).ToHashSet(StringComparer.Ordinal),
        }.WriteTeamTo(sync, team);
        return ConfigDocument.FromRoot(root);
    }

    /// <summary>Whether <paramref name="local"/> claims team <paramref name="team"/>'s namespace (a choice, maybe of nothing, is kept for it).</summary>
    public static bool IsClaimed(ConfigDocument local, string team)
    {
        ArgumentNullException.ThrowIfNull(local);
        return (local.Root["settings"]?["s3Sync"]?[ClaudeChoice.TeamsJsonName] as JsonObject)?.ContainsKey(team) == true;
    }

    /// <summary>
    /// <paramref name="local"/> with team <paramref name="team"/>'s namespace claimed, taking nothing yet, unless this
    /// machine already chose for it (<c>team create</c>, <c>team join</c>): from then on what lies there is the
    /// team's, so this machine's own sync never sends a team's agent, or an MCP server's token, to its own remote.
    /// </summary>
    public static ConfigDocument Claim(ConfigDocument local, string team)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (local.Root["settings"]?["s3Sync"] is not JsonObject s3Sync)
            return local;
        _ = ClaudeChoice.ForTeam(s3Sync, team, "config.json");
        if ((s3Sync[ClaudeChoice.TeamsJsonName] as JsonObject)?.ContainsKey(team) == true)
            return local;
        var root = (JsonObject)local.Root.DeepClone();
        ClaudeChoice.None.WriteTeamTo((JsonObject)root["settings"]!["s3Sync"]!, team);
        return ConfigDocument.FromRoot(root);
    }

    /// <summary>
    /// Makes this machine take <paramref name="kinds"/> of team <paramref name="team"/>'s items (<see cref="Choose"/>,
    /// written to <paramref name="store"/>), then deletes here the team's items of the kinds it no longer takes (each
    /// backed up first): left behind, they would block taking the kind again and become this machine's own once it leaves.
    /// </summary>
    /// <returns>What was deleted, one line each.</returns>
    /// <exception cref="SyncConflictException">As <see cref="Choose"/>; nothing was changed.</exception>
    public IReadOnlyList<string> Take(ILocalDocumentStore store, string team, IReadOnlySet<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kinds);
        var local = store.Read() ?? ConfigDocument.CreateEmpty();
        var dropped = TakenKinds(local, team).Where(k => !kinds.Contains(k)).ToHashSet(StringComparer.Ordinal);
        // The choice first: were the files deleted first and config.json then not written, the next sync would send their deletion to the team.
        store.Write(Choose(local, team, kinds));
        return RemoveFromDisk(team, dropped);
    }

    /// <summary>
    /// Deletes team <paramref name="team"/>'s items of the kinds this machine takes from this machine's Claude Code
    /// folder (backed up first): once it leaves, what is left there would be its own and go to its own remote. What
    /// lies where a kind it never took would land is its own, and stays.
    /// </summary>
    /// <returns>What was deleted, one line each.</returns>
    public IReadOnlyList<string> RemoveFromDisk(ConfigDocument local, string team)
    {
        ArgumentNullException.ThrowIfNull(local);
        return RemoveFromDisk(team, TakenKinds(local, team));
    }

    private IReadOnlyList<string> RemoveFromDisk(string team, IReadOnlySet<string> kinds)
    {
        if (kinds.Count == 0)
            return [];
        var scope = new TeamClaudeScope(new TeamClaudeNamespace(team), new ClaudeChoice(kinds, new HashSet<string>(StringComparer.Ordinal)));
        var (now, _) = folder.Read(scope);
        return folder.Apply(null, scope, now).Done;
    }

    private static IReadOnlySet<string> TakenKinds(ConfigDocument local, string team) =>
        ClaudeChoice.ForTeam(local.Root["settings"]?["s3Sync"] as JsonObject, team, "config.json").Kinds;

    private static string Where(TeamClaudeNamespace space, string id) =>
        ClaudeSection.Split(id).Map == ClaudeSection.McpServers ? $"MCP servers named {space.McpPrefix}…" : TerminalText.Escape(id[ClaudeItemIds.FilePrefix.Length..][..id[ClaudeItemIds.FilePrefix.Length..].LastIndexOf('/')] + "/");

    private static string Shown(string id) => ClaudeSection.Label(id);

    private static string Counts(int n) => n == 1 ? "one item" : $"{n} items";
}
