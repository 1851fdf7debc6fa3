using System.Text;
using StartClaude.Abstractions;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Testing;

namespace StartClaude.Core.Tests.ClaudeCode;

/// <summary>
/// The engine with this machine's real Claude Code folder (a scratch HOME) and the in-memory remote: the
/// files go out and come in through the one writer, and an edit made here while a sync runs is never lost.
/// </summary>
public class ClaudeItemsEngineTests
{
    private static readonly S3SyncSettings Settings = new("s3-compatible", "bucket", "us-east-1", "AKIDEXAMPLE", "secret", "http://127.0.0.1:1", "doc.json");

    private string _home = null!;
    private MachineDocumentStore _machine = null!;
    private InMemoryRemoteDocument _remote = null!;
    private SyncEngine _engine = null!;

    private string Claude(string relative) => Path.Combine(_home, ".claude", relative);

    [SetUp]
    public void SetUp()
    {
        _home = Path.Combine(Path.GetTempPath(), "sc-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_home, ".claude"));
        var environment = AppEnvironment.From(new Dictionary<string, string> { ["HOME"] = _home, ["START_CLAUDE_HOME"] = Path.Combine(_home, ".start-claude") });
        var backups = new BackupStore(environment);
        var configs = new LocalConfigStore(environment, backups);
        configs.Write(ConfigDocument.CreateEmpty().WithS3Sync(Settings).WithClaudeChoice(new ClaudeChoice(new HashSet<string> { "CLAUDE.md", "agents" }, new HashSet<string>())));
        _machine = new MachineDocumentStore(configs, new ClaudeFolder(new ClaudeCodePaths(environment), backups));
        _remote = new InMemoryRemoteDocument();
        var state = new InMemorySyncState();
        _engine = new SyncEngine(_machine, state, new SyncWriter(_machine, state));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_home, recursive: true);

    private SyncTarget Target() => new(_machine.Read()!, Settings, _remote);

    private string? RemoteText(string path) =>
        ClaudeSection.TextOf(ClaudeSection.Get(ClaudeSection.Of(DocumentCodec.Plain.Decode(_remote.Current!.Content).Root), ClaudeItemIds.File(path)));

    [Test]
    public async Task CLAUDE_md_edited_here_while_the_sync_writes_keeps_the_edit_and_the_next_round_sends_it()
    {
        File.WriteAllText(Claude("CLAUDE.md"), "v1\n");
        await _engine.RunAsync(Target(), new SyncRequest.TwoWay(), new UnattendedAnswerer(), dryRun: false);
        // Another machine adds an agent; this one edits CLAUDE.md, and edits it again while the sync is writing.
        var remote = DocumentCodec.Plain.Decode(_remote.Current!.Content).Root;
        ClaudeSection.Put(ClaudeSection.Of(remote)!, ClaudeItemIds.File("agents/r.md"), ClaudeSection.FileItem("r\n"));
        _remote.Put(Encoding.UTF8.GetBytes(remote.ToJsonString()));
        File.WriteAllText(Claude("CLAUDE.md"), "v2\n");
        _remote.BeforeNextWrite = _ => File.WriteAllText(Claude("CLAUDE.md"), "v3 typed during the sync\n");

        var report = await _engine.RunAsync(Target(), new SyncRequest.TwoWay(), new UnattendedAnswerer(), dryRun: false);

        report.Retries.Should().Be(1, "the round after the edit sends it");
        File.ReadAllText(Claude("CLAUDE.md")).Should().Be("v3 typed during the sync\n");
        File.ReadAllText(Claude("agents/r.md")).Should().Be("r\n");
        RemoteText("CLAUDE.md").Should().Be("v3 typed during the sync\n");
        RemoteText("agents/r.md").Should().Be("r\n");
    }

    private sealed class UnattendedAnswerer : ISyncAnswerer
    {
        public SyncAnswers? Answer(SyncQuestion question, SyncAnswers answers, bool mayAsk) => null;
    }
}
