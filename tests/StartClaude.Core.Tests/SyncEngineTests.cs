using System.Diagnostics;
using System.Text;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

/// <summary>
/// The engine on its in-memory twins: every decision, the re-plan after a 412, the write order, a lost
/// write, setup's join and restore's guards, in milliseconds and without a server.
/// </summary>
public class SyncEngineTests
{
    private static readonly S3SyncSettings Settings = new("s3-compatible", "bucket", "us-east-1", "AKIDEXAMPLE", "secret", "http://127.0.0.1:1", "doc.json");

    private List<string> _log = null!;
    private InMemoryRemoteDocument _remote = null!;
    private InMemoryLocalStore _local = null!;
    private InMemorySyncState _state = null!;
    private SyncEngine _engine = null!;

    [SetUp]
    public void SetUp()
    {
        _log = [];
        _remote = new InMemoryRemoteDocument(_log.Add);
        _local = new InMemoryLocalStore(null, _log.Add);
        _state = new InMemorySyncState(_log.Add);
        _engine = new SyncEngine(_local, _state, new SyncWriter(_local, _state));
    }

    private static ConfigDocument Doc(string json) => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "test");

    private static string C(string name, string model = "m0", bool isDefault = false, string? id = null, bool localOnly = false) =>
        "{" + $"\"id\":\"{id ?? name}\",\"name\":\"{name}\",\"model\":\"{model}\",\"isDefault\":{(isDefault ? "true" : "false")}" + (localOnly ? ",\"localOnly\":true" : "") + "}";

    private static ConfigDocument Configs(params string[] configs) => Doc("{\"configs\":[" + string.Join(",", configs) + "],\"settings\":{}}");

    private static byte[] Bytes(ConfigDocument document) => DocumentCodec.Plain.Encode(document.ForRemote()).Body;

    private static IEnumerable<string> Names(ConfigDocument? document) => document?.LiveConfigs.Select(c => $"{c.Name}:{c.Model}") ?? [];

    private ConfigDocument RemoteDocument() => DocumentCodec.Plain.Decode(_remote.Current!.Content);

    private SyncTarget Target() => new(_local.Document ?? ConfigDocument.CreateEmpty(), Settings, _remote);

    /// <summary>Both sides agreed on <paramref name="agreed"/> (remote, local and base), as after a sync.</summary>
    private async Task AgreedAsync(ConfigDocument agreed)
    {
        _local.Document = agreed;
        await _engine.RunAsync(Target(), new SyncRequest.TwoWay(), new ScriptedAnswerer(), dryRun: false);
        _log.Clear();
    }

    private Task<SyncReport> SyncAsync(ISyncAnswerer? answerer = null, bool dryRun = false) =>
        _engine.RunAsync(Target(), new SyncRequest.TwoWay(), answerer ?? new ScriptedAnswerer(), dryRun);

    [Test]
    public async Task Item1_setup_against_an_emptied_remote_keeps_this_machines_configs_unless_told_otherwise()
    {
        var both = Configs(C("work", isDefault: true), C("home"));
        await AgreedAsync(both);
        _remote.Put(Bytes(Configs()));
        var inputs = _engine.InputsFor(Target(), await ReadRemoteAsync());

        // Setup's question carries the emptied remote; without a terminal the answer is to leave both sides.
        var decision = SyncPlanner.Decide(new SyncRequest.Join(false), inputs, SyncAnswers.None);
        decision.Should().BeOfType<SyncDecision.Ask>().Which.Question.Should().BeOfType<SyncQuestion.JoinChoice>()
            .Which.EmptiedWhy.Should().Contain("deleted all 2");
        await _engine.RunAsync(Target(), new SyncRequest.Join(false), new ScriptedAnswerer { Join = JoinMode.Leave }, dryRun: false, firstInputs: inputs);
        Names(_local.Document).Should().Equal("work:m0", "home:m0");
        RemoteDocument().LiveConfigs.Should().BeEmpty();

        // "Merge" meets the emptied-remote question; answering it "keep" uploads this machine's configs.
        await _engine.RunAsync(Target(), new SyncRequest.Join(false), new ScriptedAnswerer { Join = JoinMode.Merge, Emptied = ConflictSide.Local }, dryRun: false,
            firstInputs: _engine.InputsFor(Target(), await ReadRemoteAsync()));
        Names(_local.Document).Should().Equal("work:m0", "home:m0");
        Names(RemoteDocument()).Should().Equal("work:m0", "home:m0");
    }

    [Test]
    public async Task Item1_restoring_a_version_without_configs_is_asked_and_refused_without_an_answer()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        var request = new SyncRequest.Restore("v1", Doc("{}"), DateTimeOffset.UnixEpoch);

        var act = () => _engine.RunOnceAsync(Target(), request, new ScriptedAnswerer());

        (await act.Should().ThrowAsync<SyncConflictException>()).Which.Message.Should().Contain("not a config document");
        _log.Should().NotContain(e => e.StartsWith("write", StringComparison.Ordinal));
        Names(_local.Document).Should().Equal("work:m0");
    }

    [Test]
    public async Task Item1_restore_writes_the_version_stamped_remote_then_local_then_base()
    {
        await AgreedAsync(Configs(C("work", "old", isDefault: true)));
        _local.Document = Configs(C("work", "new", isDefault: true));
        await SyncAsync();
        _log.Clear();

        await _engine.RunOnceAsync(Target(), new SyncRequest.Restore("v1", Configs(C("work", "old", isDefault: true)), DateTimeOffset.UnixEpoch), new ScriptedAnswerer());

        _log.Should().Equal("read remote", "write remote", "write local", "write base");
        Names(RemoteDocument()).Should().Equal("work:old");
        Names(_local.Document).Should().Equal("work:old");
        RemoteDocument().CanonicalJson().Should().Contain("restoredFrom");
        (await SyncAsync()).Outcome.Should().Be(SyncOutcome.NothingToDo);
    }

    [Test]
    public async Task Item3_a_write_refused_by_412_is_read_planned_and_answered_again_and_both_changes_survive()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _local.Document = Configs(C("work", isDefault: true), C("mine"));
        _remote.BeforeNextWrite = remote => remote.Put(Bytes(Configs(C("work", isDefault: true), C("theirs"))));

        var report = await SyncAsync();

        report.Retries.Should().Be(1);
        _log.Should().Equal("read remote", "write refused (412)", "read remote", "write remote", "write local", "write base");
        Names(RemoteDocument()).Should().BeEquivalentTo(["work:m0", "theirs:m0", "mine:m0"]);
        Names(_local.Document).Should().BeEquivalentTo(["work:m0", "theirs:m0", "mine:m0"]);
    }

    [Test]
    public async Task Item3_without_conditional_writes_the_etag_is_checked_right_before_the_write()
    {
        _remote.HonoursConditions = false;
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _local.Document = Configs(C("work", "m1", isDefault: true));
        _remote.BeforeNextWrite = remote => remote.Put(Bytes(Configs(C("work", isDefault: true), C("theirs"))));

        var report = await SyncAsync();

        report.ConditionalWrites.Should().BeFalse();
        report.Retries.Should().Be(1);
        Names(RemoteDocument()).Should().BeEquivalentTo(["work:m1", "theirs:m0"]);
        _remote.Probes.Should().Be(1, "the capability is probed once and remembered");
    }

    [Test]
    public async Task Item3_a_write_stored_whose_answer_was_lost_converges_at_the_next_sync()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _local.Document = Configs(C("work", "m1", isDefault: true));
        _remote.FailNextWriteAfterLanding = true;

        var failed = () => SyncAsync();

        await failed.Should().ThrowAsync<RemoteStoreException>();
        _log.Should().NotContain("write base", "nothing after the remote is written when its answer is lost");
        var next = await SyncAsync();
        next.Outcome.Should().Be(SyncOutcome.NothingToDo);
        Names(_local.Document).Should().Equal("work:m1");
    }

    [Test]
    public async Task Item8_a_write_that_did_not_stay_is_asked_about_and_never_applied_as_a_deletion()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _local.Document = Configs(C("work", isDefault: true), C("home"));
        _remote.LoseNextWrite = true;
        await SyncAsync();

        // The remote still holds the object from before the write: a deletion of 'home' to a naive planner.
        var unattended = () => SyncAsync();
        (await unattended.Should().ThrowAsync<SyncConflictException>()).Which.Message.Should().Contain("did not stay");
        Names(_local.Document).Should().Equal("work:m0", "home:m0");

        var kept = await SyncAsync(new ScriptedAnswerer { WentBack = ConflictSide.Local });
        kept.Outcome.Should().Be(SyncOutcome.Uploaded);
        Names(RemoteDocument()).Should().Equal("work:m0", "home:m0");
        Names(_local.Document).Should().Equal("work:m0", "home:m0");
    }

    [Test]
    public async Task Item8_another_device_writing_an_earlier_content_again_is_an_ordinary_change()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _remote.Put(Bytes(Configs(C("work", isDefault: true), C("home"))));
        await SyncAsync();
        _remote.Put(Bytes(Configs(C("work", isDefault: true))));

        var report = await SyncAsync();

        report.Outcome.Should().Be(SyncOutcome.Downloaded);
        Names(_local.Document).Should().Equal("work:m0");
    }

    [Test]
    public async Task Item6_a_remote_config_named_like_a_local_only_one_is_refused_before_anything_is_written()
    {
        await AgreedAsync(Configs(C("work", isDefault: true), C("mine", id: "l1", localOnly: true)));
        _remote.Put(Bytes(Configs(C("work", isDefault: true), C("MINE", id: "r1"))));

        var act = () => SyncAsync(new ScriptedAnswerer { Prefer = ConflictSide.Remote });

        (await act.Should().ThrowAsync<SyncRefusedException>()).Which.ExitCode.Should().Be(ExitCodes.Conflict);
        _log.Should().Equal("read remote");
    }

    [Test]
    public async Task Item2_an_emptied_remote_is_a_question_a_dry_run_names_and_a_real_run_answers()
    {
        await AgreedAsync(Configs(C("work", isDefault: true), C("home")));
        _remote.Put(Bytes(Configs()));

        var dry = await SyncAsync(new ScriptedAnswerer(), dryRun: true);
        dry.Pending.Should().BeOfType<SyncQuestion.EmptiedRemote>();
        _log.Should().NotContain(e => e.StartsWith("write", StringComparison.Ordinal));

        var applied = await SyncAsync(new ScriptedAnswerer { Emptied = ConflictSide.Remote });
        applied.Outcome.Should().Be(SyncOutcome.Downloaded);
        _local.Document!.LiveConfigs.Should().BeEmpty();
    }

    [Test]
    public async Task Item2_conflicts_are_answered_by_content_and_the_report_says_who_won()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _local.Document = Configs(C("work", "mine", isDefault: true));
        _remote.Put(Bytes(Configs(C("work", "theirs", isDefault: true))));

        var dry = await SyncAsync(new ScriptedAnswerer { Prefer = ConflictSide.Remote }, dryRun: true);
        var report = await SyncAsync(new ScriptedAnswerer { Prefer = ConflictSide.Remote });

        dry.Decisions.Should().ContainSingle().Which.Value.Should().Be(ConflictSide.Remote, "a dry run with --prefer says who would win");
        report.Conflicts.Should().ContainSingle();
        report.Plan.SideOf(report.Conflicts[0]).Should().Be(ConflictSide.Remote);
        Names(_local.Document).Should().Equal("work:theirs");
        (report.LocalChanges?.DescribeChanges() ?? []).Should().NotContain(line => line.Contains("work"),
            "issue 26 item 13: the discarded local version is not a change here");
    }

    [Test]
    public async Task Item1_a_restore_writes_only_over_the_remote_the_person_was_shown()
    {
        await AgreedAsync(Configs(C("work", "old", isDefault: true)));
        var request = new SyncRequest.Restore("v1", Configs(C("work", "older", isDefault: true)), DateTimeOffset.UnixEpoch);
        var shown = await _engine.ReadAsync(Target(), request);
        _remote.Put(Bytes(Configs(C("work", "old", isDefault: true), C("racer"))));

        var act = () => _engine.RunOnceAsync(Target(), request, new ScriptedAnswerer(), shown);

        (await act.Should().ThrowAsync<RemoteStoreException>()).Which.Kind.Should().Be(RemoteFailureKind.PreconditionFailed);
        Names(RemoteDocument()).Should().Contain("racer:m0");
    }

    [Test]
    public async Task Item3_after_a_412_only_answers_to_unchanged_conflicts_stand_the_rest_is_asked_again()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _local.Document = Configs(C("work", isDefault: true), C("mine"));
        _remote.Put(Bytes(Configs()));
        var inputs = _engine.InputsFor(Target(), await ReadRemoteAsync());
        // Setup's "keep this machine's configs", answered about the emptied remote; another writer fills it meanwhile.
        _remote.BeforeNextWrite = remote => remote.Put(Bytes(Configs(C("from-other-writer", isDefault: true))));

        var act = () => _engine.RunAsync(Target(), new SyncRequest.Join(false), new ScriptedAnswerer(), dryRun: false,
            firstInputs: inputs, answers: new SyncAnswers { Join = JoinMode.Upload });

        await act.Should().ThrowAsync<SyncConflictException>("the join is asked again about the remote as it is now");
        Names(RemoteDocument()).Should().Equal("from-other-writer:m0");
    }

    [Test]
    public void A_conflict_on_a_setting_never_shows_its_values_unmasked()
    {
        var conflict = new MergeConflict("setting githubToken", System.Text.Json.Nodes.JsonValue.Create("ghp_SETTINGSSECRETaaaaaaaa"),
            new System.Text.Json.Nodes.JsonObject { ["token"] = "ghp_SETTINGSSECRETbbbbbbbb" });

        conflict.Describe(ConflictSide.Local).Should().NotContain("SETTINGSSECRET");
        conflict.Describe(ConflictSide.Remote).Should().NotContain("SETTINGSSECRET").And.Contain("an object of 1 field");
    }

    [Test]
    public async Task A_remote_that_is_no_json_names_the_command_that_replaces_it()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));
        _remote.Put("garbage!"u8.ToArray());

        var act = () => SyncAsync(new ScriptedAnswerer { Prefer = ConflictSide.Local });

        (await act.Should().ThrowAsync<DocumentFormatException>()).Which.Message.Should().Contain("not valid JSON").And.Contain("s3-upload --force");
        _log.Should().NotContain(e => e.StartsWith("write", StringComparison.Ordinal));
    }

    [Test]
    public async Task Status_is_one_read_and_answers_nothing()
    {
        await AgreedAsync(Configs(C("work", isDefault: true)));

        var (_, decision) = await _engine.DecideAsync(Target(), new SyncRequest.TwoWay());

        decision.Should().BeOfType<SyncDecision.Done>().Which.Plan.Outcome.Should().Be(SyncOutcome.NothingToDo);
        _remote.Reads.Should().Be(2, "one for the agreeing sync, one for the status");
    }

    [Test]
    public void The_whole_fixture_runs_in_milliseconds()
    {
        // A guard on the shape, not a benchmark: these tests must stay server-free.
        var clock = Stopwatch.StartNew();
        SetUp();
        AgreedAsync(Configs(C("a", isDefault: true))).GetAwaiter().GetResult();
        clock.ElapsedMilliseconds.Should().BeLessThan(2_000);
    }

    private async Task<RemoteSnapshot?> ReadRemoteAsync() =>
        await RemoteSnapshot.ReadAsync(_remote, DocumentCodec.Plain, null);

    /// <summary>Answers as a test says: a side for every conflict, and the other questions' answers.</summary>
    private sealed class ScriptedAnswerer : ISyncAnswerer
    {
        public ConflictSide? Prefer { get; init; }

        public ConflictSide? Emptied { get; init; }

        public ConflictSide? WentBack { get; init; }

        public JoinMode? Join { get; init; }

        public SyncAnswers? Answer(SyncQuestion question, SyncAnswers answers, bool mayAsk) => question.Match<SyncAnswers?>(
            conflicts => Prefer is { } side ? answers.WithConflicts(conflicts.Items, _ => side) : Unanswered(mayAsk, "conflicts"),
            emptied => Emptied is { } side ? answers with { EmptiedRemote = side } : Unanswered(mayAsk, emptied.Why),
            wentBack => WentBack is { } side ? answers with { RemoteWentBack = side } : Unanswered(mayAsk, wentBack.Why),
            download => Unanswered(mayAsk, download.Why),
            join => Join is { } mode ? answers with { Join = mode } : Unanswered(mayAsk, "join"));

        private static SyncAnswers? Unanswered(bool mayAsk, string why) =>
            mayAsk ? throw new SyncConflictException($"{why}; nobody to ask") : null;
    }
}
