using StartClaude.Core.Local;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

/// <summary>
/// What statx(2) reports, and what its failures mean: errno is read straight after the call
/// (FileStatus.CallStatx), so each failure this tool tells apart is checked here. Linux only, as statx is.
/// </summary>
[Platform("Linux")]
public class FileStatusTests
{
    private TempHome _home = null!;

    [SetUp]
    public void Create() => _home = new TempHome();

    [TearDown]
    public void Remove() => _home.Dispose();

    private string PathOf(string name) => Path.Combine(_home.Folder, name);

    [Test]
    public void Each_kind_of_file_is_told_apart()
    {
        File.WriteAllText(PathOf("file"), "x");
        Directory.CreateDirectory(PathOf("folder"));
        File.CreateSymbolicLink(PathOf("link"), PathOf("file"));

        FileStatus.Of(PathOf("file")).Kind.Should().Be(FileKind.Regular);
        FileStatus.Of(PathOf("folder")).Kind.Should().Be(FileKind.Directory);
        FileStatus.Of(PathOf("link")).Kind.Should().Be(FileKind.Regular, "links are followed unless asked not to");
        FileStatus.Of(PathOf("link"), followLinks: false).Kind.Should().Be(FileKind.SymbolicLink);
        FileStatus.Of("/dev/null").Kind.Should().Be(FileKind.CharacterDevice);
        FileStatus.Of(PathOf("file")).Inode.Should().Be(FileStatus.Of(PathOf("link")).Inode);
    }

    [Test]
    public void A_path_that_is_not_there_is_missing_whichever_way_it_fails()
    {
        File.WriteAllText(PathOf("file"), "x");
        File.CreateSymbolicLink(PathOf("dangling"), PathOf("gone"));

        FileStatus.Of(PathOf("gone")).Should().Be(FileStatus.Missing, "ENOENT");
        FileStatus.Of(Path.Combine(PathOf("file"), "below")).Should().Be(FileStatus.Missing, "ENOTDIR: a file is not a folder");
        FileStatus.Of(PathOf("dangling")).Should().Be(FileStatus.Missing, "a link to nothing, followed");
        FileStatus.Of(PathOf("dangling"), followLinks: false).Kind.Should().Be(FileKind.SymbolicLink);
    }

    [Test]
    public void A_loop_of_links_is_an_error_that_says_so_not_a_missing_file()
    {
        File.CreateSymbolicLink(PathOf("a"), PathOf("b"));
        File.CreateSymbolicLink(PathOf("b"), PathOf("a"));

        var look = () => FileStatus.Of(PathOf("a"));

        look.Should().Throw<IOException>().WithMessage("*Too many levels of symbolic links*");
    }

    [Test]
    public void A_name_in_any_script_is_passed_as_UTF_8()
    {
        var name = PathOf("naïve-設定-🙂.json");
        File.WriteAllText(name, "x");

        FileStatus.Of(name).Kind.Should().Be(FileKind.Regular);
        FileStatus.Of(name + "x").Should().Be(FileStatus.Missing);
    }
}
