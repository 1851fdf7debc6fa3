using StartClaude.Core.Documents;
using StartClaude.Core.Sync;

namespace StartClaude.Testing;

/// <summary>config.json's in-memory twin.</summary>
public sealed class InMemoryLocalStore(ConfigDocument? document, Action<string>? log = null) : ILocalDocumentStore
{
    public ConfigDocument? Document { get; set; } = document;

    public int Writes { get; private set; }

    public ConfigDocument? Read() => Document;

    public void Write(ConfigDocument document)
    {
        Writes++;
        log?.Invoke("write local");
        Document = document;
    }
}
