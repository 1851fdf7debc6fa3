using System.Text;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Testing;

namespace StartClaude.Core.Tests.Teams;

/// <summary>One member's machine on the in-memory twins: its key, its team state, its config.json and base, sharing one remote.</summary>
internal sealed class TeamMachine
{
    public static readonly S3SyncSettings Settings = new("s3-compatible", "bucket", "us-east-1", "AKIDEXAMPLE", "secret", "http://127.0.0.1:1", TeamNames.DocumentKey("acme"));

    public TeamMachine(string name, InMemoryRemoteDocument remote, TeamState state, AgeIdentity? identity = null)
    {
        Name = name;
        Remote = remote;
        Identity = identity ?? AgeIdentity.Generate();
        Local = new InMemoryLocalStore(ConfigDocument.Parse(Encoding.UTF8.GetBytes($"{{\"configs\":[],\"settings\":{{\"s3Sync\":{{\"deviceName\":\"{name}\"}}}}}}"), "test"));
        Seal = new TeamSeal(state, Identity, saved => Saved = saved);
        View = new TeamLocalView("acme", Local);
        Engine = new SyncEngine(View, SyncState, new SyncWriter(View, SyncState));
    }

    public string Name { get; }

    public InMemoryRemoteDocument Remote { get; }

    public AgeIdentity Identity { get; }

    public InMemoryLocalStore Local { get; }

    public InMemorySyncState SyncState { get; } = new();

    public TeamSeal Seal { get; private set; }

    public TeamLocalView View { get; }

    public SyncEngine Engine { get; }

    public TeamState? Saved { get; private set; }

    public SyncTarget Target() => new(View.Read()!, Settings, Remote) { Codec = DocumentCodec.Sealed(Seal) };

    public Task<SyncReport> SyncAsync(ConflictSide? prefer = null) =>
        Engine.RunAsync(Target(), new SyncRequest.TwoWay(), new ScriptedAnswerer { Prefer = prefer }, dryRun: false);

    /// <summary>Adds a team config here (as a member's config.json holds it).</summary>
    public void AddTeamConfig(string name, string model, bool teamDefault = false)
    {
        var local = Local.Document!;
        var node = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(
            $"{{\"id\":\"{Guid.NewGuid()}\",\"name\":\"acme/{name}\",\"model\":\"{model}\",\"isDefault\":false,\"team\":\"acme\",\"teamDefault\":{(teamDefault ? "true" : "false")},\"localOnly\":true}}")!;
        Local.Document = local.WithConfigs([.. local.Configs.Select(c => c.Node), node]);
    }

    public IEnumerable<string> TeamConfigs() => View.Read()!.LiveConfigs.Select(c => $"{c.Name}:{c.Model}").Order(StringComparer.Ordinal);

    public byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}
