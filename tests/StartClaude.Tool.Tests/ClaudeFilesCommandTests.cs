using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary><c>claude-files</c>: showing and changing what this machine keeps in step, without setup.</summary>
public class ClaudeFilesCommandTests : DeviceTestBase
{
    private Dictionary<string, string> User => new() { ["HOME"] = Path.Combine(DeviceA.Folder, "user") };

    private string Claude(string relative) => Path.Combine(DeviceA.Folder, "user", ".claude", relative);

    [Test]
    public async Task Without_sync_set_up_it_says_to_run_setup()
    {
        DeviceA.WriteConfig(SampleDocuments.WithConfigs("work"));

        var result = await RunWith(DeviceA, User, "claude-files", "--set", "agents");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("start-claude s3-setup");
        DeviceA.ReadConfig().Should().NotContain("claudeCode");
    }

    [Test]
    public async Task The_choice_is_changed_shown_with_what_was_found_and_kept_local_only_on_request()
    {
        await SetUpSyncAsync(DeviceA);
        Directory.CreateDirectory(Claude("agents"));
        File.WriteAllText(Claude("agents/shared.md"), "x\n");
        File.WriteAllText(Claude("agents/private.md"), "y\n");

        var set = await RunWith(DeviceA, User, "claude-files", "--set", "agents,settings:model", "--local-only", "agents/private.md");
        var shown = await RunWith(DeviceA, User, "claude-files");
        var shared = await RunWith(DeviceA, User, "claude-files", "--share", "agents/private.md");

        set.ExitCode.Should().Be(0, set.ToString());
        shown.Output.Should().Contain("Kept in step: agents, settings:model").And.Contain("Local-only: agents/private.md")
            .And.Contain("file agents/shared.md").And.NotContain("file agents/private.md");
        Document(DeviceA.ReadConfigBytes()).ClaudeChoice.LocalOnly.Should().BeEmpty("--share took it back");
        shared.Output.Should().Contain("file agents/private.md");
        var status = await RunWith(DeviceA, User, "s3-status");
        status.Output.Should().Contain("Claude Code:").And.Contain("2 items here (agents, settings:model)");
    }

    [TestCase("--set", "agents,notes", "'notes' is not a Claude Code kind")]
    [TestCase("--local-only", "../outside.md", "is not an item")]
    [TestCase("--local-only", "agents/\u001b[2Jx.md", "\\u001b")]
    public async Task A_bad_item_or_kind_is_refused_naming_it_and_nothing_is_saved(string flag, string value, string said)
    {
        await SetUpSyncAsync(DeviceA);
        var before = DeviceA.ReadConfigBytes();

        var result = await RunWith(DeviceA, User, "claude-files", flag, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(said).And.NotContain("\u001b");
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }
}
