using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Local;

namespace StartClaude.Core.Tests.ClaudeCode;

/// <summary>
/// Claude Code's files on a real disk (a scratch HOME per test): what is read, what is skipped, and how a
/// result is applied — written through links, modes kept, backups first, JSON files patched, never
/// written when they changed since the read.
/// </summary>
public class ClaudeFolderTests
{
    private string _home = null!;
    private ClaudeFolder _folder = null!;
    private BackupStore _backups = null!;

    private string Claude(string relative = "") => Path.Combine(_home, ".claude", relative);

    private static ClaudeChoice Choice(params string[] kinds) => new(new HashSet<string>(kinds), new HashSet<string>());

    [SetUp]
    public void SetUp()
    {
        _home = Path.Combine(Path.GetTempPath(), "sc-claude-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_home, ".claude", "agents"));
        var environment = AppEnvironment.From(new Dictionary<string, string> { ["HOME"] = _home, ["START_CLAUDE_HOME"] = Path.Combine(_home, ".start-claude") });
        _backups = new BackupStore(environment);
        _folder = new ClaudeFolder(new ClaudeCodePaths(environment), _backups);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_home, recursive: true);

    private JsonObject Section(params (string Id, JsonNode Item)[] items)
    {
        var section = new JsonObject();
        foreach (var (id, item) in items)
            ClaudeSection.Put(section, id, item);
        return section;
    }

    [Test]
    public void Binary_hidden_and_oversized_files_are_skipped_each_with_one_warning_naming_it()
    {
        File.WriteAllText(Claude("agents/ok.md"), "fine\n");
        File.WriteAllBytes(Claude("agents/image.png"), [0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
        File.WriteAllBytes(Claude("agents/latin1.md"), [0x63, 0x61, 0x66, 0xe9]);
        File.WriteAllText(Claude("agents/.DS_Store"), "x");
        File.WriteAllText(Claude("agents/huge.md"), new string('x', ClaudeSection.MaxFileBytes + 1));

        var (section, warnings) = _folder.Read(Choice("agents"));

        ClaudeSection.Items(section).Select(i => i.Id).Should().Equal("file:agents/ok.md");
        warnings.Should().HaveCount(3);
        warnings.Should().ContainSingle(w => w.Contains("image.png") && w.Contains("UTF-8 text"));
        warnings.Should().ContainSingle(w => w.Contains("latin1.md"));
        warnings.Should().ContainSingle(w => w.Contains("huge.md") && w.Contains("1,024 KiB"));
    }

    [Test]
    public void A_new_file_is_written_a_deleted_one_removed_and_the_old_content_kept_in_backups()
    {
        File.WriteAllText(Claude("agents/old.md"), "old\n");
        var (before, _) = _folder.Read(Choice("agents"));
        var result = Section(("file:agents/new.md", ClaudeSection.FileItem("new\n")), ("file:agents/old.md", ClaudeSection.Tombstone()));

        var (done, changedMeanwhile) = _folder.Apply(result, Choice("agents"), before);

        File.ReadAllText(Claude("agents/new.md")).Should().Be("new\n");
        File.Exists(Claude("agents/old.md")).Should().BeFalse();
        done.Should().BeEquivalentTo("wrote file agents/new.md", "deleted file agents/old.md");
        changedMeanwhile.Should().BeEmpty();
        Directory.GetFiles(_backups.ClaudeFolder, "old.md", SearchOption.AllDirectories).Should().ContainSingle()
            .Which.Should().Match(p => File.ReadAllText(p) == "old\n");
    }

    [Test]
    public void A_linked_CLAUDE_md_is_written_through_to_its_target_and_keeps_its_mode()
    {
        var dotfiles = Path.Combine(_home, "dotfiles");
        Directory.CreateDirectory(dotfiles);
        var target = Path.Combine(dotfiles, "CLAUDE.md");
        File.WriteAllText(target, "before\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.CreateSymbolicLink(Claude("CLAUDE.md"), target);
        var (before, _) = _folder.Read(Choice("CLAUDE.md"));

        _folder.Apply(Section(("file:CLAUDE.md", ClaudeSection.FileItem("after\n"))), Choice("CLAUDE.md"), before);

        new FileInfo(Claude("CLAUDE.md")).LinkTarget.Should().Be(target, "the link stays a link");
        File.ReadAllText(target).Should().Be("after\n");
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    [Test]
    public void A_file_changed_since_it_was_read_is_left_with_the_newer_edit_and_named_the_rest_is_written()
    {
        File.WriteAllText(Claude("CLAUDE.md"), "read\n");
        var (before, _) = _folder.Read(Choice("CLAUDE.md", "agents"));
        File.WriteAllText(Claude("CLAUDE.md"), "edited meanwhile\n");

        var (done, changedMeanwhile) = _folder.Apply(Section(("file:CLAUDE.md", ClaudeSection.FileItem("synced\n")), ("file:agents/a.md", ClaudeSection.FileItem("a\n"))),
            Choice("CLAUDE.md", "agents"), before);

        changedMeanwhile.Should().Equal("file:CLAUDE.md");
        done.Should().Equal("wrote file agents/a.md");
        File.ReadAllText(Claude("CLAUDE.md")).Should().Be("edited meanwhile\n");
        File.ReadAllText(Claude("agents/a.md")).Should().Be("a\n");
    }

    [Test]
    public void An_MCP_server_is_patched_into_claude_json_with_its_home_path_expanded_and_every_other_byte_kept()
    {
        var json = new StringBuilder("{\n  \"numStartups\": 42,\n  \"tipsHistory\": {\"a\": 1},\n  \"projects\": {\n");
        for (var i = 0; i < 2000; i++)
            json.Append($"    \"/work/p{i}\": {{ \"allowedTools\": [], \"history\": [\"caf\\u00e9 {i}\", 1.0e5] }},\n");
        json.Append("    \"/last\": {}\n  },\n  \"mcpServers\": {\n    \"keep\": {\"command\": \"keep\"}\n  }\n}\n");
        var file = Path.Combine(_home, ".claude.json");
        File.WriteAllText(file, json.ToString());
        var original = File.ReadAllText(file);
        var (before, _) = _folder.Read(Choice("mcp-servers"));
        var result = (JsonObject)before.DeepClone();
        ClaudeSection.Put(result, "mcp:files", ClaudeSection.ValueItem(new JsonObject { ["command"] = "~/bin/files", ["args"] = new JsonArray("--root", "~/work") }));

        _folder.Apply(result, Choice("mcp-servers"), before);

        var after = File.ReadAllText(file);
        var root = JsonNode.Parse(after)!.AsObject();
        root["mcpServers"]!["files"]!["command"]!.GetValue<string>().Should().Be(_home + "/bin/files");
        root["mcpServers"]!["files"]!["args"]![1]!.GetValue<string>().Should().Be(_home + "/work");
        root["mcpServers"]!["keep"]!["command"]!.GetValue<string>().Should().Be("keep");
        var mcpStart = original.IndexOf("  \"mcpServers\"", StringComparison.Ordinal);
        after[..mcpStart].Should().Be(original[..mcpStart], "everything before the servers stays byte for byte");
    }

    [Test]
    public void A_settings_key_not_chosen_is_never_touched()
    {
        var settings = Claude("settings.json");
        File.WriteAllText(settings, "{\n  \"model\": \"opus\",\n  \"hooks\": {\"PreToolUse\": []},\n  \"enabledPlugins\": {\"x\": true}\n}\n");
        var (before, _) = _folder.Read(Choice("settings:model"));
        var result = Section(("setting:model", ClaudeSection.ValueItem("sonnet")), ("setting:hooks", ClaudeSection.ValueItem(new JsonObject())));

        _folder.Apply(result, Choice("settings:model"), before);

        var root = JsonNode.Parse(File.ReadAllText(settings))!.AsObject();
        root["model"]!.GetValue<string>().Should().Be("sonnet");
        root["hooks"]!.ToJsonString().Should().Be("{\"PreToolUse\":[]}");
        root["enabledPlugins"]!.ToJsonString().Should().Be("{\"x\":true}");
    }

    [TestCase("", "is empty")]
    [TestCase("  \n", "is empty")]
    [TestCase("{\"mcpServers\":{\"a\":{},\"a\":{}}}", "same key twice")]
    [TestCase("{\"mcpServers\":null}", "is not an object")]
    [TestCase("{\"mcpServers\":[]}", "is not an object")]
    [TestCase("{\"mcpServers\":{\"ok\":{},\"db\":null}}", "\"db\"")]
    public void A_claude_json_that_cannot_be_patched_safely_is_refused_when_read(string content, string said)
    {
        File.WriteAllText(Path.Combine(_home, ".claude.json"), content);

        var act = () => _folder.Read(Choice("mcp-servers"));

        act.Should().Throw<Errors.LocalConfigException>().WithMessage($"*{said}*nothing was changed*");
    }

    [Test]
    public void A_link_out_of_the_home_or_to_nothing_is_neither_read_nor_written_through()
    {
        var outside = Path.Combine(Path.GetTempPath(), "sc-outside-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(outside, "outside\n");
        try
        {
            File.CreateSymbolicLink(Claude("agents/out.md"), outside);
            File.CreateSymbolicLink(Claude("agents/dangling.md"), Path.Combine(_home, "missing.md"));
            var (before, warnings) = _folder.Read(Choice("agents"));

            ClaudeSection.Items(before).Should().BeEmpty();
            warnings.Should().HaveCount(2).And.Contain(w => w.Contains("out of your home folder")).And.Contain(w => w.Contains("link to nothing"));
            var write = () => _folder.Apply(Section(("file:agents/out.md", ClaudeSection.FileItem("from the bucket\n")), ("file:agents/new.md", ClaudeSection.FileItem("n\n"))),
                Choice("agents"), before);
            write.Should().Throw<Errors.LocalConfigException>().WithMessage("*out of your home folder*nothing here was changed*");
            File.ReadAllText(outside).Should().Be("outside\n");
            File.Exists(Claude("agents/new.md")).Should().BeFalse("a result is applied whole or not at all");
            File.Exists(Path.Combine(_home, "missing.md")).Should().BeFalse();
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Test]
    public void A_link_through_a_linked_folder_or_a_kind_folder_linked_out_of_the_home_is_never_written_through()
    {
        var outside = Path.Combine(Path.GetTempPath(), "sc-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "t.md"), "outside\n");
            Directory.CreateSymbolicLink(Path.Combine(_home, "dl"), outside);
            File.CreateSymbolicLink(Claude("agents/dl.md"), Path.Combine(_home, "dl", "t.md"));
            Directory.CreateSymbolicLink(Claude("commands"), outside);
            var (before, warnings) = _folder.Read(Choice("agents", "commands"));

            ClaudeSection.Items(before).Should().BeEmpty("both lead out of the home");
            warnings.Should().OnlyContain(w => w.Contains("out of your home folder"));
            var write = () => _folder.Apply(Section(("file:CLAUDE.md", ClaudeSection.FileItem("m\n")), ("file:commands/new.md", ClaudeSection.FileItem("n\n"))),
                Choice("commands", "CLAUDE.md"), before);
            write.Should().Throw<Errors.LocalConfigException>().WithMessage("*out of your home folder*");
            File.Exists(Path.Combine(outside, "new.md")).Should().BeFalse();
            File.Exists(Claude("CLAUDE.md")).Should().BeFalse("nothing is written when one write is refused");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void A_file_in_the_way_of_a_folder_stops_the_write_before_anything_is_written()
    {
        File.WriteAllText(Claude("agents/foo"), "a file\n");
        var (before, _) = _folder.Read(Choice("agents", "CLAUDE.md"));

        var write = () => _folder.Apply(Section(("file:CLAUDE.md", ClaudeSection.FileItem("m\n")), ("file:agents/foo", ClaudeSection.FileItem("a file\n")),
            ("file:agents/foo/bar.md", ClaudeSection.FileItem("b\n"))), Choice("agents", "CLAUDE.md"), before);

        write.Should().Throw<Errors.LocalConfigException>().WithMessage("*is a file, not a folder*");
        File.Exists(Claude("CLAUDE.md")).Should().BeFalse();
    }

    [Test]
    public void A_path_that_would_leave_the_folder_is_refused_before_anything_is_written()
    {
        var act = () => ClaudePath.Under(Claude(), "agents/../../../escape.md");

        act.Should().Throw<Documents.DocumentFormatException>().WithMessage("*nothing was written*");
        File.Exists(Path.Combine(_home, "escape.md")).Should().BeFalse();
    }
}
