using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

/// <summary>Backups never hold settings.s3Sync (the S3 secret, a remembered passphrase); a restore keeps the current one.</summary>
public class BackupSecretsTests
{
    private const string S3Secret = "S3SECRETS3SECRETS3SECRETS3SECRET0000";
    private const string RememberedPassphrase = "remembered-passphrase-0000";
    private TempHome _home = null!;
    private LocalConfigStore _store = null!;
    private BackupStore _backups = null!;

    [SetUp]
    public void SetUp()
    {
        _home = new TempHome();
        var environment = AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = _home.Folder });
        _backups = new BackupStore(environment);
        _store = new LocalConfigStore(environment, _backups);
    }

    [TearDown]
    public void TearDown() => _home.Dispose();

    private static string WithSync(string name, string bucket) =>
        new JsonObject
        {
            ["configs"] = new JsonArray(new JsonObject { ["name"] = name, ["apiKey"] = "sk-ant-api03-" + name }),
            ["settings"] = new JsonObject
            {
                ["s3Sync"] = new JsonObject { ["bucket"] = bucket, ["secretAccessKey"] = S3Secret, ["encrypt"] = true, ["passphrase"] = RememberedPassphrase },
            },
        }.ToJsonString();

    [Test]
    public void A_backup_keeps_the_configs_but_not_the_S3_secret_or_the_passphrase()
    {
        _home.WriteConfig(WithSync("first", "bucket-one"));
        _store.Write(ConfigDocument.Parse(Encoding.UTF8.GetBytes(WithSync("second", "bucket-one")), "test"));

        var backup = File.ReadAllText(_backups.List().Should().ContainSingle().Subject.Path);
        backup.Should().Contain("\"first\"").And.NotContain(S3Secret).And.NotContain(RememberedPassphrase).And.NotContain("s3Sync");
    }

    [Test]
    public void Backups_an_older_version_kept_with_the_secret_are_scrubbed_at_the_next_backup()
    {
        var folder = Directory.CreateDirectory(_backups.Folder).FullName;
        var old = Path.Combine(folder, "config-20250101T000000000Z.json");
        File.WriteAllText(old, WithSync("ancient", "bucket-one"));
        _home.WriteConfig(WithSync("first", "bucket-one"));

        _store.Write(ConfigDocument.Parse(Encoding.UTF8.GetBytes(WithSync("second", "bucket-one")), "test"));

        File.ReadAllText(old).Should().Contain("\"ancient\"").And.NotContain(S3Secret).And.NotContain(RememberedPassphrase);
    }

    [Test]
    public void A_restore_keeps_the_current_sync_settings()
    {
        _home.WriteConfig(WithSync("first", "bucket-old"));
        _store.Write(ConfigDocument.Parse(Encoding.UTF8.GetBytes(WithSync("second", "bucket-new")), "test"));

        var restored = _store.Restore(_backups.List().Single());

        restored.LiveConfigs.Select(c => c.Name).Should().Equal("first");
        var now = _home.ReadConfig();
        now.Should().Contain("bucket-new").And.NotContain("bucket-old").And.Contain(S3Secret, "this machine's settings stay as they are");
    }
}
