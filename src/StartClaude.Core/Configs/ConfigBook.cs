using System.Globalization;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Configs;

/// <summary>What an edit did, for the command to report.</summary>
/// <param name="Document">The document after the edit.</param>
/// <param name="NewDefault">The config that became the default as a side effect (a removal of the default), if any.</param>
public sealed record ConfigEdit(ConfigDocument Document, string? NewDefault = null);

/// <summary>
/// The edits the config commands make to a document, each returning a new document and keeping the
/// rules: names are non-empty and unique (ignoring case), a base URL is an absolute http(s) URL, and
/// there is exactly one default once there is a config. Fields this version does not know are kept.
/// </summary>
public static class ConfigBook
{
    /// <summary>The live config called <paramref name="name"/> (ignoring case), or null.</summary>
    public static ConfigEntry? Find(ConfigDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Loops rather than LINQ on the way to starting a config: it would load System.Linq for this alone.
        foreach (var config in document.LiveConfigs)
        {
            if (ConfigIdentity.NameComparer.Equals(config.Name, name))
                return config;
        }
        return null;
    }

    /// <exception cref="UsageException">No such config; the message lists close matches.</exception>
    public static ConfigEntry Get(ConfigDocument document, string name) =>
        Find(document, name) ?? throw new UsageException(NotFoundMessage(document, name));

    /// <summary>The configs in the order a person sees them: by <c>order</c>, then as stored.</summary>
    public static IReadOnlyList<ConfigEntry> Ordered(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // A stable sort written out: LINQ's OrderBy over a (config, index) tuple had its code compiled at
        // run time on every `list`, several milliseconds for a handful of configs.
        var live = document.LiveConfigs;
        var ranked = new RankedConfig[live.Count];
        for (var i = 0; i < ranked.Length; i++)
            ranked[i] = new RankedConfig(live[i], live[i].Order, i);
        Array.Sort(ranked, RankedConfig.Compare);
        return Array.ConvertAll(ranked, r => r.Entry);
    }

    private sealed record RankedConfig(ConfigEntry Entry, double Order, int Index)
    {
        public static int Compare(RankedConfig? a, RankedConfig? b)
        {
            ArgumentNullException.ThrowIfNull(a);
            ArgumentNullException.ThrowIfNull(b);
            var byOrder = a.Order.CompareTo(b.Order);
            return byOrder != 0 ? byOrder : a.Index.CompareTo(b.Index);
        }
    }

    /// <summary>
    /// The default config: the one marked default (the first, if a merge left several; a local-only one
    /// before a shared one, whose mark the shared document needs), else null.
    /// </summary>
    public static ConfigEntry? Default(ConfigDocument document)
    {
        ConfigEntry? first = null;
        foreach (var config in Ordered(document))
        {
            if (!config.IsDefault)
                continue;
            if (config.IsLocalOnly)
                return config;
            first ??= config;
        }
        return first;
    }

    public static ConfigEdit Add(ConfigDocument document, JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(config);
        var added = (JsonObject)config.DeepClone();
        if (added["id"] is null)
            added["id"] = Guid.NewGuid().ToString();
        CheckConfig(added, document.LiveConfigs, except: null);

        var configs = Nodes(document);
        var makeDefault = added["isDefault"]?.GetValue<bool>() == true || !document.LiveConfigs.Any(c => c.IsDefault);
        if (makeDefault)
            ClearDefaults(configs);
        added["isDefault"] = makeDefault;
        configs.Add(added);
        return new ConfigEdit(document.WithConfigs(configs));
    }

    /// <summary>Applies <paramref name="change"/> to a copy of the config called <paramref name="name"/>.</summary>
    public static ConfigEdit Update(ConfigDocument document, string name, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(change);
        var target = Get(document, name);
        var configs = Nodes(document);
        var index = IndexOf(document, target);
        var edited = configs[index];
        var wasDefault = target.IsDefault;
        change(edited);
        CheckConfig(edited, document.LiveConfigs, except: target);

        var isDefault = edited["isDefault"]?.GetValue<bool>() == true;
        if (isDefault && !wasDefault)
        {
            ClearDefaults(configs);
            edited["isDefault"] = true;
        }
        else if (!isDefault && wasDefault)
        {
            throw new UsageException($"'{target.Name}' is the default; make another config the default instead (start-claude default <name>)");
        }
        return new ConfigEdit(document.WithConfigs(configs));
    }

    public static ConfigEdit Remove(ConfigDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        var target = Get(document, name);
        var configs = Nodes(document);
        var index = IndexOf(document, target);
        if (KeepsTombstones(document) && target.Id is { Length: > 0 } id)
        {
            // The original tool's newest files record deletions, so its devices drop the config too.
            configs[index] = new JsonObject
            {
                ["id"] = id,
                ["name"] = target.Name,
                ["isDeleted"] = true,
                ["deletedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            };
        }
        else
        {
            configs.RemoveAt(index);
        }

        var after = document.WithConfigs(configs);
        return target.IsDefault && Ordered(after).FirstOrDefault() is { } next
            ? new ConfigEdit(SetDefault(after, next.Name!).Document, next.Name)
            : new ConfigEdit(after);
    }

    public static ConfigEdit SetDefault(ConfigDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        var target = Get(document, name);
        var configs = Nodes(document);
        ClearDefaults(configs);
        configs[IndexOf(document, target)]["isDefault"] = true;
        return new ConfigEdit(document.WithConfigs(configs));
    }

    /// <summary>Names close to <paramref name="name"/>: containing it, contained in it, or a few edits away.</summary>
    public static IReadOnlyList<string> CloseMatches(ConfigDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.ToLowerInvariant();
        return [.. document.LiveConfigs
            .Select(c => c.Name)
            .OfType<string>()
            .Select(n => (Name: n, Distance: Distance(wanted, n.ToLowerInvariant())))
            .Where(m => m.Distance <= Math.Max(2, wanted.Length / 3)
                        || m.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                        || name.Contains(m.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Distance)
            .Take(5)
            .Select(m => m.Name)];
    }

    private static string NotFoundMessage(ConfigDocument document, string typed)
    {
        var name = TerminalText.Bounded(typed);
        if (document.LiveConfigs.Count == 0)
            return $"there is no config named '{name}' (there are no configs yet; add one with start-claude add)";
        var close = CloseMatches(document, typed);
        return close.Count > 0
            ? $"there is no config named '{name}'; did you mean {string.Join(" or ", close.Select(n => $"'{TerminalText.Bounded(n)}'"))}? (start-claude list shows them all)"
            : $"there is no config named '{name}' (start-claude list shows them all)";
    }

    // Also trims the name: " work " and "work" are one name to a person.
    private static void CheckConfig(JsonObject config, IReadOnlyList<ConfigEntry> existing, ConfigEntry? except)
    {
        var name = config["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
        if (name is null)
            throw new UsageException("a config needs a name");
        if (FieldValue.Problem(ConfigFields.Name, name) is { } nameProblem)
            throw new UsageException(nameProblem);
        name = name.Trim();
        config["name"] = name;
        if (existing.FirstOrDefault(c => !ReferenceEquals(c.Node, except?.Node) && ConfigIdentity.NameComparer.Equals(c.Name, name)) is { } clash)
            throw new UsageException($"a config named '{clash.Name}' already exists (names are compared ignoring case)");
        foreach (var field in ConfigFields.All)
        {
            if (config[field.Name] is not JsonValue value)
                continue;
            var text = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (FieldValue.Problem(field, text) is { } problem)
                throw new UsageException(problem);
        }
    }

    private static bool KeepsTombstones(ConfigDocument document) =>
        document.Version is >= 3 || document.Configs.Any(c => c.IsDeleted);

    private static List<JsonObject> Nodes(ConfigDocument document) =>
        [.. document.Configs.Select(c => (JsonObject)c.Node.DeepClone())];

    private static int IndexOf(ConfigDocument document, ConfigEntry entry)
    {
        var all = document.Configs;
        for (var i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i].Node, entry.Node))
                return i;
        }
        throw new InvalidOperationException("the config is not in this document");
    }

    private static void ClearDefaults(List<JsonObject> configs)
    {
        foreach (var config in configs.Where(c => c["isDefault"] is not null))
            config["isDefault"] = false;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
