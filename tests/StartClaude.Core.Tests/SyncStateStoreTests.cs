using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

public class SyncStateStoreTests
{
    private static readonly S3SyncSettings Settings = new("s3-compatible", "bucket", "us-east-1", "AKIA", "secret", "http://127.0.0.1:9", "start-claude-config.json");

    [TestCase("""{"remotes":{"ID":{"hash":1,"base":{"configs":[]}}}}""")]
    [TestCase("""{"remotes":{}, "remotes":{}}""")]
    [TestCase("""{"remotes":{"ID":{"hash":"x","hash":"y","base":{"configs":[]}}}}""")]
    [TestCase("""{"remotes":{"ID":{"hash":"x","etag":7,"base":{"configs":[]}}}}""")]
    [TestCase("""{"remotes":{"ID":{"hash":"x","base":[1,2]}}}""")]
    [TestCase("""{"remotes":{"ID":"not an object"}}""")]
    [TestCase("""{"remotes":[1]}""")]
    [TestCase("""{"remotes":{"ID":{"hash":"x","base":{"configs":[{"name":"\uD800"}]}}}}""")]
    [TestCase("not json at all")]
    [TestCase("[]")]
    public void A_damaged_state_file_is_no_base_with_a_warning_never_an_exception(string content)
    {
        using var home = new TempHome();
        var store = new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));
        File.WriteAllText(store.StatePath, content.Replace("ID", SyncStateStore.RemoteId(Settings).Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal));

        var (syncBase, warning) = store.ReadBaseChecked(Settings);

        syncBase.Should().BeNull();
        warning.Should().Contain("is damaged").And.Contain("as if never synced");
        store.Invoking(s => s.ReadConditionalWrites(Settings)).Should().NotThrow();
    }

    [Test]
    public void A_base_of_the_wrong_shape_is_damaged_even_when_its_hash_matches()
    {
        using var home = new TempHome();
        var store = new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("""{"configs":"nope"}"""u8));
        var id = SyncStateStore.RemoteId(Settings).Replace("\\", "\\\\", StringComparison.Ordinal);
        File.WriteAllText(store.StatePath, "{\"remotes\":{\"" + id + "\":{\"hash\":\"" + hash + "\",\"base\":{\"configs\":\"nope\"}}}}");

        var (syncBase, warning) = store.ReadBaseChecked(Settings);

        syncBase.Should().BeNull();
        warning.Should().Contain("is damaged");
    }

    [Test]
    public void A_base_kept_under_the_name_earlier_versions_gave_the_remote_is_found_and_moves_to_the_new_name()
    {
        using var home = new TempHome();
        var store = new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));
        var withPassword = Settings with { EndpointUrl = "https://user:p4ssw0rd@s3.example.com" };
        var hash = ConfigDocument.CreateEmpty().SharedContentHash();
        var legacy = $"{withPassword.ProviderId}|{withPassword.EndpointUrl}|{withPassword.Bucket}|{withPassword.Key}";
        File.WriteAllText(store.StatePath, "{\"remotes\":{\"" + legacy + "\":{\"hash\":\"" + hash + "\",\"etag\":\"e\",\"base\":{\"configs\":[],\"settings\":{}}}}}");

        store.ReadBaseChecked(withPassword).Base.Should().NotBeNull();
        store.SaveConditionalWrites(withPassword, true);

        var text = File.ReadAllText(store.StatePath);
        text.Should().NotContain("p4ssw0rd", "the entry moved to the name without the password");
        new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder })).ReadBaseChecked(withPassword).Base.Should().NotBeNull();
    }

    [Test]
    public void A_forgotten_base_reads_as_never_synced_and_other_remotes_keep_theirs()
    {
        using var home = new TempHome();
        var store = new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));
        var team = Settings with { Key = "teams/acme/team.age" };
        store.SaveBase(Settings, ConfigDocument.CreateEmpty(), new RemoteObjectInfo(10, null, "\"own\""));
        store.SaveBase(team, ConfigDocument.CreateEmpty(), new RemoteObjectInfo(10, null, "\"team\""));
        store.SaveConditionalWrites(team, true);

        store.ForgetBase(team);

        var reread = new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));
        reread.ReadBaseChecked(team).Should().Be(((SyncBase?)null, (string?)null), "no base and no warning: as if never synced");
        reread.ReadBaseChecked(Settings).Base.Should().NotBeNull();
        reread.ReadConditionalWrites(team).Should().BeTrue("what was learned of the service is not an agreed state");
    }

    [Test]
    public void A_saved_base_reads_back_without_a_warning()
    {
        using var home = new TempHome();
        var store = new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));
        var agreed = ConfigDocument.CreateEmpty();
        store.SaveBase(Settings, agreed, new Remote.RemoteObjectInfo(2, null, "\"e\""));

        var (syncBase, warning) = store.ReadBaseChecked(Settings);

        warning.Should().BeNull();
        syncBase!.ETag.Should().Be("\"e\"");
    }

    [Test]
    public void The_state_agreed_before_is_remembered_with_its_own_etag()
    {
        // Found by an adversary trial: the earlier state was stored with the new object's ETag, so a remote
        // still holding the earlier object was never recognized as a write that did not stay.
        using var home = new TempHome();
        var store = new SyncStateStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));
        var first = ConfigDocument.Parse("{\"configs\":[{\"name\":\"one\",\"isDefault\":true}]}"u8.ToArray(), "test");
        var second = ConfigDocument.Parse("{\"configs\":[{\"name\":\"one\",\"isDefault\":true},{\"name\":\"two\"}]}"u8.ToArray(), "test");
        var firstObject = new Remote.RemoteObjectInfo(10, DateTimeOffset.UtcNow.AddMinutes(-1), "\"first\"");

        store.SaveBase(Settings, first, firstObject);
        store.SaveBase(Settings, second, new Remote.RemoteObjectInfo(20, DateTimeOffset.UtcNow, "\"second\""), writtenHere: true);
        var agreed = store.ReadBaseChecked(Settings).Base!;

        agreed.Previous!.ETag.Should().Be("\"first\"");
        agreed.WentBackTo(first.SharedContentHash(), firstObject).Should().NotBeNull();
    }
}
