using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.Configs;

namespace StartClaude.Core.Documents;

/// <summary>
/// The rules every document the tool writes keeps: live config names are unique ignoring case, and
/// exactly one live config is the default whenever any exists. A document read with them broken (by
/// hand, by the original tool, by an older version) is repaired by one deterministic rule, so every
/// device repairs the same document the same way:
/// <list type="bullet">
/// <item>Configs whose names are equal ignoring case are the same config. The first in file order
/// keeps the name; a later one with the same content (id, name case, default and order aside) is joined into it
/// (dropped); a later one with other content is kept under the first free name "name (2)", "name (3)"…,
/// so nothing is lost.</item>
/// <item>No default: the first config (by <c>order</c>, then file order) becomes the default. Several:
/// the first of them (same order) stays the default, the others are not. Local-only configs are a scope
/// of their own: one of them may be this machine's default beside the shared default.</item>
/// <item>Every known field holds what <c>add</c> and <c>edit --set</c> would accept (<see cref="FieldValue.Problem"/>,
/// one rule wherever a value comes from): a value that breaks it is dropped, so a document from the bucket
/// can never start Claude Code with, say, a <c>file://</c> base URL; a config name that breaks it
/// (empty, too long, more than one line) becomes the first free "unnamed", "unnamed (2)"…</item>
/// </list>
/// </summary>
public static class DocumentInvariants
{
    private static readonly string[] NotContent = ["id", "name", "isDefault", "order"];

    private const string Unnamed = "unnamed";

    /// <param name="origin">Names the document in the warning ("the remote document", "config.json").</param>
    public static DocumentRepair Repair(ConfigDocument document, string origin)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.KeepsInvariants)
            return new DocumentRepair(document, null);
        var notes = new List<string>();
        document = WithValidFields(document, notes);
        var configs = document.Configs;
        List<JsonObject>? nodes = null;
        List<JsonObject> Nodes() => nodes ??= [.. configs.Select(c => (JsonObject)c.Node.DeepClone())];
        var dropped = new HashSet<int>();

        // Names: the first holder of a name keeps it.
        var firstByName = new Dictionary<string, int>(ConfigIdentity.NameComparer);
        var taken = new HashSet<string>(configs.Where(c => !c.IsDeleted && c.Name is not null).Select(c => c.Name!), ConfigIdentity.NameComparer);
        for (var i = 0; i < configs.Count; i++)
        {
            var config = configs[i];
            if (config.IsDeleted || config.Name is not { } name)
                continue;
            if (firstByName.TryAdd(name, i))
                continue;
            var first = configs[firstByName[name]];
            if (Content(first) == Content(config))
            {
                dropped.Add(i);
                notes.Add($"joined the second '{name}' into '{first.Name}' (same content)");
                continue;
            }
            var free = Enumerable.Range(2, configs.Count + 1).Select(n => $"{name} ({n})").First(candidate => !taken.Contains(candidate));
            taken.Add(free);
            Nodes()[i]["name"] = free;
            notes.Add($"renamed '{name}' to '{free}' ('{first.Name}' has that name ignoring case)");
        }

        // Defaults, among the configs that remain.
        var live = Enumerable.Range(0, configs.Count)
            .Where(i => !configs[i].IsDeleted && !dropped.Contains(i))
            .OrderBy(i => configs[i].Order).ThenBy(i => i)
            .ToList();
        // Local-only configs keep their own mark: this machine's default may be a local-only config
        // while the shared ones keep theirs (ConfigDocument.ForRemote, ConfigBook.Default), so each
        // scope holds at most one, and the two together at least one.
        var sharedDefaults = live.Where(i => IsDefault(i) && !configs[i].IsLocalOnly).ToList();
        var localOnlyDefaults = live.Where(i => IsDefault(i) && configs[i].IsLocalOnly).ToList();
        if (live.Count > 0 && sharedDefaults.Count == 0 && localOnlyDefaults.Count == 0)
        {
            Nodes()[live[0]]["isDefault"] = true;
            notes.Add($"made '{NameOf(live[0])}' the default (there was none)");
        }
        foreach (var defaults in new[] { sharedDefaults, localOnlyDefaults }.Where(d => d.Count > 1))
        {
            foreach (var extra in defaults.Skip(1))
                Nodes()[extra]["isDefault"] = false;
            notes.Add($"kept '{NameOf(defaults[0])}' as the only default (also marked: {string.Join(", ", defaults.Skip(1).Select(i => $"'{NameOf(i)}'"))})");
        }

        if (notes.Count == 0)
        {
            document.KeepsInvariants = true;
            return new DocumentRepair(document, null);
        }
        if (nodes is null && dropped.Count == 0)
            return new DocumentRepair(document, Warning(origin, notes));
        var kept = Nodes().Where((_, i) => !dropped.Contains(i));
        return new DocumentRepair(document.WithConfigs(kept), Warning(origin, notes));

        bool IsDefault(int i) => nodes is null ? configs[i].IsDefault : new ConfigEntry(nodes[i]).IsDefault;
        string NameOf(int i) => (nodes is null ? configs[i].Name : new ConfigEntry(nodes[i]).Name) ?? "(unnamed)";
    }

    private static string Warning(string origin, List<string> notes) =>
        $"{origin} broke the rules (names unique ignoring case, exactly one default, every field as add and edit accept it) and was repaired: {string.Join("; ", notes)}";

    // The field rule, applied to each live config: a value add or edit would refuse is dropped (a name replaced).
    private static ConfigDocument WithValidFields(ConfigDocument document, List<string> notes)
    {
        var configs = document.Configs;
        List<JsonObject>? nodes = null;
        var taken = new HashSet<string>(configs.Where(c => !c.IsDeleted && c.Name is not null).Select(c => c.Name!), ConfigIdentity.NameComparer);
        for (var i = 0; i < configs.Count; i++)
        {
            var config = configs[i];
            if (config.IsDeleted)
                continue;
            foreach (var field in ConfigFields.All)
            {
                if (!config.Node.TryGetPropertyValue(field.Name, out var value) || StoredProblem(field, value) is not { } problem)
                    continue;
                nodes ??= [.. configs.Select(c => (JsonObject)c.Node.DeepClone())];
                var name = TerminalText.Bounded(config.Name, 40);
                if (field == ConfigFields.Name)
                {
                    var free = new[] { Unnamed }.Concat(Enumerable.Range(2, configs.Count + 1).Select(n => $"{Unnamed} ({n})")).First(candidate => !taken.Contains(candidate));
                    taken.Add(free);
                    nodes[i]["name"] = free;
                    notes.Add($"renamed a config to '{free}' ({problem})");
                }
                else
                {
                    nodes[i].Remove(field.Name);
                    notes.Add($"dropped {field.Name} of '{name}' ({problem})");
                }
            }
        }
        return nodes is null ? document : document.WithConfigs(nodes);
    }

    // Why a stored value breaks the field's rule, or null. A value is read as the text a person would type
    // for it; an empty string (an unset field, as the original tool writes it) is no value, except as a name.
    private static string? StoredProblem(ConfigField field, JsonNode? value)
    {
        if (value is null)
            return null;
        if (value is not JsonValue single)
            return $"{field.Name} must be a single value, not {(value is JsonArray ? "a list" : "an object")}";
        string text;
        switch (single.GetValueKind())
        {
            case JsonValueKind.String:
                text = single.GetValue<string>();
                if (text.Length == 0 && field != ConfigFields.Name)
                    return null;
                break;
            case JsonValueKind.True:
                text = "true";
                break;
            case JsonValueKind.False:
                text = "false";
                break;
            case JsonValueKind.Number:
                text = single.TryGetValue<double>(out var number) && number >= 0 && number <= long.MaxValue && Math.Floor(number) == number
                    ? ((long)number).ToString(CultureInfo.InvariantCulture)
                    : single.ToJsonString();
                break;
            default:
                return null;
        }
        return FieldValue.Problem(field, text);
    }

    private static string Content(ConfigEntry config)
    {
        var copy = (JsonObject)config.Node.DeepClone();
        foreach (var key in NotContent)
            copy.Remove(key);
        return CanonicalJson.Of(copy);
    }
}
