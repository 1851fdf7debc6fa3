using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;

namespace StartClaude.Core.ClaudeCode;

/// <summary>
/// This machine's document as the sync engine sees it: config.json, plus — when the machine keeps Claude Code
/// items in step — those items as they are on disk, in the document's <c>claudeCode</c> section. config.json
/// never holds that section: a write applies it to the Claude Code files (<see cref="ClaudeFolder"/>) and
/// writes config.json without it. Only the engine's paths read through here, so a start reads none of them.
/// </summary>
public sealed class MachineDocumentStore(LocalConfigStore configs, ClaudeFolder claude, Action<string>? warn = null) : ILocalDocumentStore
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private JsonObject? _lastRead;

    /// <summary>config.json, where messages point.</summary>
    public string ConfigPath => configs.ConfigPath;

    /// <exception cref="DocumentFormatException">config.json is not a config document.</exception>
    /// <exception cref="Errors.LocalConfigException">A file cannot be read, or the choice is stored in a shape this version does not read.</exception>
    public ConfigDocument? Read()
    {
        var document = configs.Read();
        return document is null ? null : WithClaudeItems(document);
    }

    /// <summary>
    /// <paramref name="document"/> (config.json as it will be) with the Claude Code items its choice names, read
    /// from disk now: what setup joins with, before config.json holds that choice.
    /// </summary>
    public ConfigDocument WithClaudeItems(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var choice = document.ClaudeChoice;
        if (choice.IsEmpty)
        {
            _lastRead = null;
            return document.HasClaudeSection ? document.WithClaudeSection(null) : document;
        }
        var (section, warnings) = claude.Read(choice);
        foreach (var warning in warnings)
        {
            if (_warned.Add(warning))
                warn?.Invoke(warning);
        }
        _lastRead = section;
        // The section is there (maybe empty) to say the files were read.
        return document.WithClaudeSection(section);
    }

    /// <exception cref="ClaudeFilesChangedException">
    /// Everything was written but the Claude Code items that changed here since they were read: those were left as
    /// they are (the newer edit), for the engine to plan again.
    /// </exception>
    public void Write(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var choice = document.ClaudeChoice;
        // No read afterwards: a next round (after a 412 or an edit made meanwhile) reads through Read() first.
        var changedMeanwhile = !choice.IsEmpty && document.HasClaudeSection
            ? claude.Apply(document.ClaudeSection, choice, _lastRead).ChangedMeanwhile
            : [];
        configs.Write(document.HasClaudeSection ? document.WithClaudeSection(null) : document);
        if (changedMeanwhile.Count > 0)
            throw new ClaudeFilesChangedException($"{string.Join(", ", changedMeanwhile.Select(ClaudeSection.Label))} changed on this machine while syncing: kept as changed here; run start-claude s3-sync to send {(changedMeanwhile.Count == 1 ? "it" : "them")}");
    }
}
