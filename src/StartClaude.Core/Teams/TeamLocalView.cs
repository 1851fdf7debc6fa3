using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Teams;

/// <summary>
/// A team's configs as they live in this machine's config.json: named <c>TEAM/NAME</c>, marked with the
/// team (<c>"team"</c>) and local-only (so the personal remote never carries them), the team's default kept
/// apart (<c>"teamDefault"</c>) from this machine's. Seen through this view they are the team document's
/// configs as the team holds them; everything else in config.json is neither shown nor changed.
/// The team's Claude Code items this machine takes (<c>team claude-files</c>) are read from and applied to the
/// team's namespace on disk (<see cref="TeamClaudeNamespace"/>) when <paramref name="claude"/> is given.
/// </summary>
public sealed class TeamLocalView(string team, ILocalDocumentStore inner, ClaudeFolder? claude = null, Action<string>? warn = null) : ILocalDocumentStore
{
    private readonly TeamClaudeNamespace _space = new(team);
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    // The team's items as last read from disk, named as here: what Apply checks is still there before replacing it.
    private JsonObject? _lastRead;

    public const string TeamField = "team";
    public const string TeamDefaultField = "teamDefault";

    private string Prefix => team + "/";

    /// <summary>Whether <paramref name="config"/> is one of this team's, here.</summary>
    public bool IsOurs(ConfigEntry config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return TeamOf(config) == team;
    }

    /// <summary>
    /// The team whose config <paramref name="config"/> is, or null. Only a local-only config can be one: a config
    /// that came down from the personal remote (which anyone who can write the bucket may have written) is never
    /// local-only, so a team mark on it makes it no team's, and no team sync signs it into a team's document.
    /// </summary>
    public static string? TeamOf(ConfigEntry config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.IsLocalOnly && config.Node[TeamField] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
    }

    public ConfigDocument? Read()
    {
        var local = inner.Read();
        if (local is null)
            return null;
        // Only this machine's device name comes along (it labels the team's history), and the kinds of the team's
        // Claude Code items it takes; s3Sync never leaves the machine.
        var s3Sync = local.DeviceName is { } device ? new JsonObject { ["deviceName"] = device } : new JsonObject();
        var choice = ChoiceIn(local);
        var carrying = claude is not null && !choice.IsEmpty;
        if (carrying)
            choice.WriteTo(s3Sync);
        var settings = s3Sync.Count > 0 ? new JsonObject { ["s3Sync"] = s3Sync } : new JsonObject();
        var view = ConfigDocument.CreateEmpty().With(local.Configs.Where(IsOurs).Select(ToTeam), settings);
        // The team document's other top-level fields (a newer version's, 'restoredFrom'), kept here as it last agreed;
        // its Claude Code items too while this machine takes none of them.
        foreach (var (name, value) in OtherFields(local) ?? [])
        {
            if (value is not null && !(carrying && name == ClaudeSection.Key))
                view = view.WithField(name, value.DeepClone());
        }
        if (!carrying)
            return view;
        var (section, warnings) = claude!.Read(Scope(choice));
        foreach (var warning in warnings)
        {
            if (_warned.Add(warning))
                warn?.Invoke(warning);
        }
        _lastRead = section;
        var teamSection = new JsonObject();
        foreach (var (id, item) in ClaudeSection.Items(section))
        {
            if (_space.ToTeam(id) is { } teamId && choice.Carries(teamId))
                ClaudeSection.Put(teamSection, teamId, item?.DeepClone());
        }
        // The section is there (maybe empty) to say the files were read.
        return view.WithClaudeSection(teamSection);
    }

    /// <summary>The kinds of the team's Claude Code items this machine takes, in the team document's names (none when it takes none).</summary>
    public ClaudeChoice ChoiceIn(ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return ClaudeChoice.ForTeam(local.Root["settings"]?["s3Sync"] as JsonObject, team, "config.json");
    }

    /// <summary>Where <paramref name="choice"/>'s items of this team are on disk.</summary>
    public TeamClaudeScope Scope(ClaudeChoice choice) => new(_space, choice);

    /// <summary>Where this machine keeps the team document's fields other than configs and settings: in s3Sync, which never leaves it.</summary>
    public const string OtherFieldsField = "teamFields";

    private JsonObject? OtherFields(ConfigDocument local) =>
        local.Root["settings"]?["s3Sync"]?[OtherFieldsField]?[team] as JsonObject;

    public void Write(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var local = inner.Read() ?? ConfigDocument.CreateEmpty();
        var others = local.Configs.Where(c => !IsOurs(c)).ToList();
        // A config of this machine's own under a team config's name would be renamed by the next repair, and the team's
        // next sync would send that rename to every member: refused instead, with what to do.
        foreach (var incoming in document.LiveConfigs)
        {
            var name = Prefix + incoming.Name;
            if (others.FirstOrDefault(c => !c.IsDeleted && ConfigNameComparer.Instance.Equals(c.Name, name)) is { } clash)
                throw new Errors.SyncConflictException($"team {team}'s config '{TerminalText.Bounded(incoming.Name)}' would be '{TerminalText.Bounded(name)}' here, and a config of this machine's own has that name: rename yours (start-claude edit \"{TerminalText.Bounded(clash.Name)}\" --rename NEW-NAME) and sync again; nothing was changed here");
        }
        // This machine's own default may be one of the team's configs ('default acme/gateway'): a write of the
        // team's configs keeps it, or the machine would be left with no default at all.
        var machineDefault = local.Configs.FirstOrDefault(c => IsOurs(c) && c.IsDefault)?.Id;
        // A machine whose only configs are a team's still has exactly one default: the team's own, as the team holds it.
        if ((machineDefault is null || !document.LiveConfigs.Any(c => c.Id == machineDefault)) && !others.Any(c => !c.IsDeleted && c.IsDefault))
            machineDefault = (document.LiveConfigs.FirstOrDefault(c => c.IsDefault) ?? document.LiveConfigs.FirstOrDefault())?.Id;
        var choice = document.ClaudeChoice;
        var carrying = claude is not null && !choice.IsEmpty && document.HasClaudeSection;
        IReadOnlyList<string> changedMeanwhile = [];
        if (carrying)
        {
            // The team's items go to disk first, as a sync of one's own document does: a refusal there leaves config.json as it was.
            var here = new JsonObject();
            foreach (var (id, item) in ClaudeSection.Items(document.ClaudeSection))
            {
                if (choice.Carries(id) && _space.ToLocal(id) is { } localId)
                    ClaudeSection.Put(here, localId, item?.DeepClone());
            }
            changedMeanwhile = claude!.Apply(here, Scope(choice), _lastRead).ChangedMeanwhile;
        }
        var written = local.WithConfigs([.. others.Select(c => c.Node), .. document.Configs.Select(c => ToLocal(c, machineDefault is not null && c.Id == machineDefault))]);
        var fields = new JsonObject();
        foreach (var (name, value) in document.Root.Where(f => f.Key is not ("configs" or "settings") && !(carrying && f.Key == ClaudeSection.Key)))
            fields[name] = value?.DeepClone();
        if (written.Root["settings"]?["s3Sync"] is JsonObject && (fields.Count > 0 || OtherFields(written) is not null || carrying))
        {
            var root = (JsonObject)written.Root.DeepClone();
            var s3Sync = (JsonObject)root["settings"]!["s3Sync"]!;
            if (fields.Count > 0 || OtherFields(written) is not null)
            {
                var all = s3Sync[OtherFieldsField] as JsonObject ?? new JsonObject();
                s3Sync[OtherFieldsField] = all;
                all[team] = fields;
            }
            // Which kinds have joined (the planner says so once a sync carried them) is kept for the next read.
            if (carrying)
                choice.WriteTeamTo(s3Sync, team);
            written = ConfigDocument.FromRoot(root);
        }
        inner.Write(written);
        if (changedMeanwhile.Count > 0)
            throw new ClaudeFilesChangedException($"team {team}'s {string.Join(", ", changedMeanwhile.Select(id => ClaudeSection.Label(_space.ToTeam(id) ?? id)))} changed on this machine while syncing: kept as changed here; run start-claude team sync {team} to send {(changedMeanwhile.Count == 1 ? "it" : "them")}");
    }

    /// <summary><paramref name="local"/> without anything of this team's: its configs and the fields kept for it (<c>team leave</c>).</summary>
    public ConfigDocument Without(ConfigDocument local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var root = (JsonObject)local.WithConfigs(local.Configs.Where(c => !IsOurs(c)).Select(c => c.Node)).Root.DeepClone();
        (root["settings"]?["s3Sync"]?[OtherFieldsField] as JsonObject)?.Remove(team);
        if (root["settings"]?["s3Sync"]?[ClaudeChoice.TeamsJsonName] is JsonObject teams)
        {
            teams.Remove(team);
            if (teams.Count == 0)
                ((JsonObject)root["settings"]!["s3Sync"]!).Remove(ClaudeChoice.TeamsJsonName);
        }
        return ConfigDocument.FromRoot(root);
    }

    /// <summary>A config of this machine's made a new config of the team (<c>team share</c>): a new id, the team's marks.</summary>
    public JsonObject Shared(ConfigEntry personal, bool teamDefault)
    {
        ArgumentNullException.ThrowIfNull(personal);
        var copy = (JsonObject)personal.Node.DeepClone();
        copy.Remove(ConfigEntry.LocalOnlyField);
        copy["id"] = Guid.NewGuid().ToString();
        copy["isDefault"] = teamDefault;
        return ToLocal(new ConfigEntry(copy), isMachineDefault: false);
    }

    private JsonObject ToTeam(ConfigEntry local)
    {
        var copy = (JsonObject)local.Node.DeepClone();
        if (local.Name is { } name && name.StartsWith(Prefix, StringComparison.Ordinal))
            copy["name"] = name[Prefix.Length..];
        copy["isDefault"] = copy[TeamDefaultField] is JsonValue d && d.TryGetValue<bool>(out var isDefault) && isDefault;
        copy.Remove(TeamField);
        copy.Remove(TeamDefaultField);
        copy.Remove(ConfigEntry.LocalOnlyField);
        return copy;
    }

    private JsonObject ToLocal(ConfigEntry shared, bool isMachineDefault)
    {
        var copy = (JsonObject)shared.Node.DeepClone();
        if (shared.Name is { } name)
            copy["name"] = Prefix + name;
        copy[TeamDefaultField] = shared.IsDefault;
        copy["isDefault"] = isMachineDefault;
        copy[TeamField] = team;
        copy[ConfigEntry.LocalOnlyField] = true;
        return copy;
    }
}
