using StartClaude.Core.Documents;

namespace StartClaude.Core.Sync;

/// <summary>This machine's config.json as the engine sees it.</summary>
public interface ILocalDocumentStore
{
    /// <summary>The document, or null when there is none.</summary>
    ConfigDocument? Read();

    /// <summary>Replaces the document (atomically, with a backup of the one before).</summary>
    void Write(ConfigDocument document);
}
