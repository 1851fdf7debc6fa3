using System.Text.Json.Nodes;

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
/// </list>
/// </summary>
public static class DocumentInvariants
{
    private static readonly string[] NotContent = ["id", "name", "isDefault", "order"];

    /// <param name="origin">Names the document in the warning ("the remote document", "config.json").</param>
    public static DocumentRepair Repair(ConfigDocument document, string origin)
    {
        ArgumentNullException.ThrowIfNull(document);
        var configs = document.Configs;
        var notes = new List<string>();
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
            return new DocumentRepair(document, null);
        var kept = Nodes().Where((_, i) => !dropped.Contains(i));
        return new DocumentRepair(document.WithConfigs(kept),
            $"{origin} broke the rules (names unique ignoring case, exactly one default) and was repaired: {string.Join("; ", notes)}");

        bool IsDefault(int i) => nodes is null ? configs[i].IsDefault : new ConfigEntry(nodes[i]).IsDefault;
        string NameOf(int i) => (nodes is null ? configs[i].Name : new ConfigEntry(nodes[i]).Name) ?? "(unnamed)";
    }

    private static string Content(ConfigEntry config)
    {
        var copy = (JsonObject)config.Node.DeepClone();
        foreach (var key in NotContent)
            copy.Remove(key);
        return CanonicalJson.Of(copy);
    }
}
