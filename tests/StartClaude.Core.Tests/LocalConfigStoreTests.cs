using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

public class LocalConfigStoreTests
{
    private TempHome _home = null!;
    private LocalConfigStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _home = new TempHome();
        var environment = AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = _home.Folder });
        _store = new LocalConfigStore(environment, new BackupStore(environment));
    }

    [TearDown]
    public void TearDown() => _home.Dispose();

    [Test]
    public void START_CLAUDE_HOME_moves_the_folder()
    {
        _store.ConfigPath.Should().Be(Path.Combine(_home.Folder, "config.json"));
    }

    [Test]
    public void A_missing_file_reads_as_nothing()
    {
        _store.Read().Should().BeNull();
        _store.ReadOrEmpty().LiveConfigs.Should().BeEmpty();
    }

    [Test]
    public void Writes_replace_the_file_with_mode_0600_and_leave_no_temp_files()
    {
        Directory.Delete(_home.Folder);
        _store.Write(ConfigDocument.Parse(System.Text.Encoding.UTF8.GetBytes(SampleDocuments.WithConfigs("a")), "t"));
        _store.Write(ConfigDocument.Parse(System.Text.Encoding.UTF8.GetBytes(SampleDocuments.WithConfigs("b")), "t"));

        _store.Read()!.LiveConfigs.Select(c => c.Name).Should().Equal("b");
        Directory.GetFiles(_home.Folder).Should().Equal(_home.ConfigPath);
        Directory.GetFiles(Path.Combine(_home.Folder, "backups")).Should().ContainSingle("the first version was kept before the second replaced it");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(_home.ConfigPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(_home.Folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public void Backups_are_private_bounded_and_restorable()
    {
        for (var i = 0; i < BackupStore.MaxBackups + 5; i++)
            _store.Write(ConfigDocument.Parse(System.Text.Encoding.UTF8.GetBytes(SampleDocuments.WithConfigs($"v{i}")), "t"));
        var backups = new BackupStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = _home.Folder }));

        var list = backups.List();
        var restored = _store.Restore(list[^1]);

        list.Should().HaveCount(BackupStore.MaxBackups);
        list[0].Path.Should().EndWith(".json");
        restored.LiveConfigs.Single().Name.Should().Be("v4", "the oldest kept backup is the one before v5");
        _store.Read()!.LiveConfigs.Single().Name.Should().Be("v4");
        backups.List()[0].Should().NotBe(list[0], "restoring kept the file it replaced");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(list[0].Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(backups.Folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public void A_malformed_file_is_reported_and_left_as_it_was()
    {
        _home.WriteConfig("{ not json");

        var act = () => _store.Read();

        act.Should().Throw<DocumentFormatException>().WithMessage($"{_home.ConfigPath} is not valid JSON*");
        _home.ReadConfig().Should().Be("{ not json");
    }
}
