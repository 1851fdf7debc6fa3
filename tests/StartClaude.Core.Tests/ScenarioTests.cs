using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Tests;

/// <summary>
/// The decision table as scenarios (Scenarios/*.txt, one per row or edge case): base, local, remote and the
/// request in, the planner's decision and the documents it leads to as the golden result, in a form that
/// reads beside docs/sync.md. A config is written name:model, with * for the default; "none" is no document.
/// </summary>
public class ScenarioTests
{
    private static string Folder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "tests", "StartClaude.Core.Tests", "Scenarios")))
            folder = folder.Parent;
        return Path.Combine(folder!.FullName, "tests", "StartClaude.Core.Tests", "Scenarios");
    }

    public static IEnumerable<TestCaseData> Scenarios() =>
        Directory.GetFiles(Folder(), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileNameWithoutExtension(path)).SetName(Path.GetFileNameWithoutExtension(path)));

    [Test]
    public void There_is_a_scenario_for_every_row_of_the_table() => Scenarios().Should().HaveCountGreaterThanOrEqualTo(20);

    [TestCaseSource(nameof(Scenarios))]
    public void Scenario(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder(), name + ".txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.Ordinal);
        string? Field(string key) => lines.TryGetValue(key, out var value) ? value : null;

        var remote = Document(Field("remote"));
        var baseDocument = Document(Field("base"));
        var inputs = new SyncInputs(
            Document(Field("local")) ?? ConfigDocument.CreateEmpty(),
            remote is null ? null : new RemoteSnapshot(remote, new RemoteObjectInfo(100, null, "\"remote\""), Downloaded: true),
            baseDocument is null ? null : new SyncBase("\"base\"", baseDocument.SharedContentHash(), baseDocument),
            ConditionalWrites: Field("conditional") != "no");
        var decision = SyncPlanner.Decide(Request(Field("request")!, Field("version")), inputs, Answers(Field("answers")));

        var expect = Field("expect")!.Split(' ', 2);
        var said = decision.Match(
            done => $"done {Outcome(done.Plan.Outcome)}",
            ask => $"ask {Question(ask.Question)}",
            refuse => $"refuse {refuse.ExitCode}");
        said.Should().Be(string.Join(' ', expect), $"scenario {name}: {decision}");
        if (decision is not SyncDecision.Done { Plan: var plan })
            return;
        if (Field("result") is { } result)
            Summary(plan.Result).Should().BeEquivalentTo(Summary(Document(result)!), $"scenario {name}: the configs here after");
        if (Field("upload") is { } upload)
            Summary(plan.Upload).Should().BeEquivalentTo(Summary(Document(upload)), $"scenario {name}: the remote after");
        if (Field("condition") is { } condition)
            Condition(plan.Condition).Should().Be(condition, $"scenario {name}");
        if (Field("conditional-writes") is { } conditional)
            plan.ConditionalWrites.Should().Be(conditional == "yes");
    }

    private static SyncRequest Request(string text, string? version) => text.Split(' ') switch
    {
        ["two-way"] => new SyncRequest.TwoWay(),
        ["join"] => new SyncRequest.Join(RewriteRemote: false),
        ["upload"] => new SyncRequest.Upload(Force: false),
        ["upload", "force"] => new SyncRequest.Upload(Force: true),
        ["download", var mode] => new SyncRequest.Download(Enum.Parse<DownloadMode>(mode, ignoreCase: true)),
        ["restore"] => new SyncRequest.Restore("v1", Document(version)!, DateTimeOffset.UnixEpoch),
        _ => throw new FormatException($"no such request: {text}"),
    };

    private static SyncAnswers Answers(string? text)
    {
        var answers = SyncAnswers.None;
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            var side = value == "local" ? ConflictSide.Local : ConflictSide.Remote;
            answers = key switch
            {
                "conflicts" => answers with { Conflicts = new AnyConflict(side) },
                "emptied" => answers with { EmptiedRemote = side },
                "went-back" => answers with { RemoteWentBack = side },
                _ => throw new FormatException($"no such answer: {key}"),
            };
        }
        return answers;
    }

    // "conflicts=local" answers every conflict, whatever its key.
    private sealed class AnyConflict(ConflictSide side) : Dictionary<string, ConflictSide>, IReadOnlyDictionary<string, ConflictSide>
    {
        bool IReadOnlyDictionary<string, ConflictSide>.ContainsKey(string key) => true;

        ConflictSide IReadOnlyDictionary<string, ConflictSide>.this[string key] => side;
    }

    // "name:model*, other:model | key=value, key=value"; empty is a document with no configs; "none" is no document.
    private static ConfigDocument? Document(string? text)
    {
        if (text is null || text == "none")
            return null;
        var (configs, settings) = text.Split('|') is [var c, var s] ? (c, s) : (text, "");
        var list = new JsonArray();
        foreach (var config in configs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var isDefault = config.EndsWith('*');
            var (name, model) = (config.TrimEnd('*').Split(':')[0], config.TrimEnd('*').Split(':')[1]);
            list.Add(new JsonObject { ["id"] = name, ["name"] = name, ["model"] = model, ["isDefault"] = isDefault });
        }
        var settingsObject = new JsonObject();
        foreach (var pair in settings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            settingsObject[pair.Split('=')[0]] = pair.Split('=')[1];
        var root = new JsonObject { ["configs"] = list, ["settings"] = settingsObject };
        return ConfigDocument.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()), "scenario");
    }

    private static IEnumerable<string> Summary(ConfigDocument? document) =>
        document?.LiveConfigs.Select(c => $"{c.Name}:{c.Model}{(c.IsDefault ? "*" : "")}") ?? ["none"];

    private static string Outcome(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.NothingToDo => "unchanged",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Question(SyncQuestion question) => question.Match(
        _ => "conflicts", _ => "emptied-remote", _ => "remote-went-back", _ => "download-choice", _ => "join-choice");

    private static string Condition(WriteCondition? condition) => condition switch
    {
        null => "none",
        WriteCondition.MustMatch => "must-match",
        WriteCondition.MustNotExist => "must-not-exist",
        _ => "unconditional",
    };
}
