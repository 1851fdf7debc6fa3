using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// What this machine keeps in step of its Claude Code setup: the kinds it chose and the items it keeps to
/// itself. Stored in <c>settings.s3Sync.claudeCode</c> (<c>{"kinds": [...], "localOnly": [...], "joined": [...]}</c>),
/// so it never leaves the machine; absent means nothing chosen.
/// </summary>
/// <remarks>
/// <see cref="Joined"/> holds the kinds this machine has synced since it chose them. Until a kind has joined, a file
/// of it that this machine lacks is one it never had, not one it deleted: the first sync brings it here.
/// </remarks>
public sealed record ClaudeChoice(IReadOnlySet<string> Kinds, IReadOnlySet<string> LocalOnly) : IClaudeItemScope
{
    private static readonly IReadOnlySet<string> NoTeams = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The teams whose Claude Code items this machine keeps (<c>settings.s3Sync.teamClaudeCode</c>): what lies in
    /// their namespaces (<see cref="TeamClaudeNamespace"/>) is the team's, never carried by this choice, so a team's
    /// agent never reaches this machine's own remote and nothing from that remote overwrites it.
    /// </summary>
    public IReadOnlySet<string> Teams { get; init; } = NoTeams;

    /// <summary>
    /// Set on a team's choice (named as in its document): only an item that has a place in the team's namespace here is
    /// carried. One that has none (a path too long once the team's folder is added) stays in the document untouched,
    /// neither written nor, since it is never on disk, taken for deleted.
    /// </summary>
    public string? TeamSpace { get; init; }

    private readonly IReadOnlySet<string> _joined = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The kinds synced since they were chosen (always within <see cref="Kinds"/>).</summary>
    public IReadOnlySet<string> Joined
    {
        get => _joined;
        init => _joined = new SortedSet<string>(value.Where(Kinds.Contains), StringComparer.Ordinal);
    }

    /// <summary>This choice with <paramref name="kinds"/>: a kind dropped leaves <see cref="Joined"/> too, so choosing it again joins again.</summary>
    public ClaudeChoice WithKinds(IEnumerable<string> kinds)
    {
        var chosen = new SortedSet<string>(kinds, StringComparer.Ordinal);
        return new ClaudeChoice(chosen, LocalOnly) { Joined = new HashSet<string>(Joined.Where(chosen.Contains), StringComparer.Ordinal), Teams = Teams, TeamSpace = TeamSpace };
    }

    /// <summary>This choice with every chosen kind joined (after a sync that carried them).</summary>
    public ClaudeChoice AllJoined() => this with { Joined = Kinds };

    /// <summary>Whether an item of this machine's that is missing on disk was deleted here (its kind joined) rather than never had.</summary>
    public bool HasJoined(string itemId) => ClaudeKinds.Of(itemId) is { } kind && Joined.Contains(kind);

    public const string JsonName = "claudeCode";
    private const int MaxEntries = 1024;

    public static ClaudeChoice None { get; } = new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public bool IsEmpty => Kinds.Count == 0;

    public bool ChoosesMcpServers => Kinds.Contains(ClaudeKinds.McpServers);

    public IEnumerable<string> SettingKeys => Kinds.Where(k => k.StartsWith(ClaudeKinds.SettingPrefix, StringComparison.Ordinal)).Select(k => k[ClaudeKinds.SettingPrefix.Length..]);

    /// <summary>Whether this machine sends and applies the item <paramref name="itemId"/>.</summary>
    public bool Carries(string itemId) => ClaudeKinds.Of(itemId) is { } kind && Kinds.Contains(kind) && !LocalOnly.Contains(itemId)
        && !Teams.Any(team => new TeamClaudeNamespace(team).ToTeam(itemId) is not null)
        && (TeamSpace is null || new TeamClaudeNamespace(TeamSpace).HasPlaceFor(itemId));

    IEnumerable<string> IClaudeItemScope.SingleFiles => Kinds.Contains(ClaudeKinds.Memory) ? [ClaudeKinds.Memory] : [];

    IEnumerable<string> IClaudeItemScope.FolderRoots => ClaudeKinds.Folders.Where(Kinds.Contains);

    bool IClaudeItemScope.ReadsMcpServers => ChoosesMcpServers;

    /// <summary>Parses a comma-separated list as <c>--claude-files</c> takes it (<c>none</c> for nothing).</summary>
    /// <param name="allowed">The kinds this list may name (a team's), or null for every kind.</param>
    /// <exception cref="Errors.UsageException">An entry names no kind, or one not allowed.</exception>
    public static IReadOnlySet<string> ParseKinds(string list, IReadOnlySet<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        if (list.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            return kinds;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kind = ClaudeKinds.Parse(part);
            if (kind is null || allowed?.Contains(kind) == false)
            {
                throw new Errors.UsageException(allowed is null
                    ? $"'{Documents.TerminalText.Escape(part)}' is not a Claude Code kind; use {string.Join(", ", ClaudeKinds.Fixed)} or settings:KEY (for example settings:permissions), comma-separated, or none"
                    : $"'{Documents.TerminalText.Escape(part)}' is not a kind a team carries; use {string.Join(", ", allowed)}, comma-separated, or none");
            }
            kinds.Add(kind);
        }
        return kinds;
    }

    /// <summary>The choice stored in an s3Sync object (none when absent).</summary>
    /// <exception cref="Errors.LocalConfigException">It is there but not in the shape this version writes.</exception>
    public static ClaudeChoice From(JsonObject? s3Sync, string origin)
    {
        if (s3Sync?[JsonName] is not { } node)
            return None;
        if (node is not JsonObject obj)
            throw Wrong(origin);
        return new ClaudeChoice(Strings(obj["kinds"], origin, parse: true), Strings(obj["localOnly"], origin, parse: false))
        {
            Joined = Strings(obj["joined"], origin, parse: true),
            Teams = TeamsIn(s3Sync, origin),
            // Only a team's view of config.json writes it (it never leaves the machine).
            TeamSpace = obj[TeamSpaceJsonName] is JsonValue v && v.TryGetValue<string>(out var team) && StartClaude.Core.Teams.TeamNames.TeamProblem(team) is null ? team : null,
        };
    }

    private const string TeamSpaceJsonName = "team";

    /// <summary>Where each team's choice is kept in s3Sync: <c>{"TEAM": {"kinds": [...], "joined": [...]}}</c>.</summary>
    public const string TeamsJsonName = "teamClaudeCode";

    /// <summary>The choice of team <paramref name="team"/> stored in an s3Sync object, in the team document's names (none when absent).</summary>
    /// <exception cref="Errors.LocalConfigException">It is there but not in the shape this version writes.</exception>
    public static ClaudeChoice ForTeam(JsonObject? s3Sync, string team, string origin)
    {
        if (s3Sync?[TeamsJsonName] is not { } all)
            return None;
        if (all is not JsonObject teams)
            throw WrongTeams(origin);
        if (teams[team] is not { } node)
            return None;
        if (node is not JsonObject obj)
            throw WrongTeams(origin);
        var kinds = Strings(obj["kinds"], parse: true, () => WrongTeams(origin));
        if (kinds.FirstOrDefault(k => !TeamClaudeNamespace.Kinds.Contains(k)) is { } other)
            throw new Errors.LocalConfigException($"{origin}: settings.s3Sync.{TeamsJsonName}.{Documents.TerminalText.Bounded(team)} names '{Documents.TerminalText.Escape(other)}', which a team does not carry; fix it, or run start-claude team claude-files {Documents.TerminalText.Bounded(team)} --set");
        return new ClaudeChoice(kinds, NoTeams) { Joined = Strings(obj["joined"], parse: true, () => WrongTeams(origin)), TeamSpace = team };
    }

    /// <summary>Writes this choice as team <paramref name="team"/>'s into an s3Sync object (kinds and joined; an empty choice stays, marking the team's namespace).</summary>
    public void WriteTeamTo(JsonObject s3Sync, string team)
    {
        ArgumentNullException.ThrowIfNull(s3Sync);
        if (s3Sync[TeamsJsonName] is not JsonObject teams)
            s3Sync[TeamsJsonName] = teams = new JsonObject();
        var node = new JsonObject { ["kinds"] = new JsonArray([.. Kinds.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]) };
        if (Joined.Count > 0)
            node["joined"] = new JsonArray([.. Joined.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]);
        teams[team] = node;
    }

    private static HashSet<string> TeamsIn(JsonObject s3Sync, string origin)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s3Sync[TeamsJsonName] is not { } all)
            return set;
        if (all is not JsonObject teams || teams.Count > MaxEntries)
            throw WrongTeams(origin);
        foreach (var (team, _) in teams)
        {
            if (StartClaude.Core.Teams.TeamNames.TeamProblem(team) is not null)
                throw WrongTeams(origin);
            set.Add(team);
        }
        return set;
    }

    private static Errors.LocalConfigException WrongTeams(string origin) =>
        new($"{origin}: settings.s3Sync.{TeamsJsonName} must map team names to {{\"kinds\": [...]}}; fix it, or run start-claude team claude-files TEAM --set");

    /// <summary>Writes this choice into an s3Sync object.</summary>
    public void WriteTo(JsonObject s3Sync)
    {
        ArgumentNullException.ThrowIfNull(s3Sync);
        if (IsEmpty && LocalOnly.Count == 0)
        {
            s3Sync.Remove(JsonName);
            return;
        }
        var node = new JsonObject { ["kinds"] = new JsonArray([.. Kinds.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]) };
        if (LocalOnly.Count > 0)
            node["localOnly"] = new JsonArray([.. LocalOnly.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]);
        if (Joined.Count > 0)
            node["joined"] = new JsonArray([.. Joined.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]);
        if (TeamSpace is not null)
            node[TeamSpaceJsonName] = TeamSpace;
        s3Sync[JsonName] = node;
    }

    private static HashSet<string> Strings(JsonNode? node, string origin, bool parse) => Strings(node, parse, () => Wrong(origin));

    // wrong: the error naming where the list is (a team's choice is not the machine's own).
    private static HashSet<string> Strings(JsonNode? node, bool parse, Func<Errors.LocalConfigException> wrong)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (node is null)
            return set;
        if (node is not JsonArray array || array.Count > MaxEntries)
            throw wrong();
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                throw wrong();
            var text = value.GetValue<string>();
            set.Add(parse ? ClaudeKinds.Parse(text) ?? throw wrong() : text);
        }
        return set;
    }

    private static Errors.LocalConfigException Wrong(string origin) =>
        new($"{origin}: settings.s3Sync.claudeCode must be {{\"kinds\": [...], \"localOnly\": [...]}} with kinds such as \"CLAUDE.md\", \"agents\" or \"settings:permissions\"; fix it, or run start-claude claude-files --set");
}
