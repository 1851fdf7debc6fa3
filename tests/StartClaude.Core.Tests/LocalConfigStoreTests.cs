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
        _store = new LocalConfigStore(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = _home.Folder }));
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
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(_home.ConfigPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(_home.Folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
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
