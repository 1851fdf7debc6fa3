using System.Text;
using System.Text.Json.Nodes;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// Claude Code's own files kept in step between machines (issue 23): each machine a process of the real tool
/// with its own HOME, start-claude home and Claude Code folder, on moto checking every signature.
/// </summary>
public class ClaudeFilesProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>One machine: its start-claude home and its user home (HOME, with .claude/ and .claude.json).</summary>
    private sealed class Machine : IDisposable
    {
        public TempHome Home { get; } = new();

        public string User => Path.Combine(Home.Folder, "user");

        public string Claude(string relative = "") => Path.Combine(User, ".claude", relative);

        public string GlobalConfig => Path.Combine(User, ".claude.json");

        public Machine()
        {
            Directory.CreateDirectory(Claude());
            Home.WriteConfig("{\"configs\":[],\"settings\":{}}");
        }

        public void Write(string relative, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Claude(relative))!);
            File.WriteAllText(Claude(relative), text);
        }

        public Task<ToolResult> RunAsync(params string[] args) => RunAsync(null, args);

        public Task<ToolResult> RunAsync(IReadOnlyDictionary<string, string>? extra, params string[] args)
        {
            var variables = new Dictionary<string, string> { ["HOME"] = User, ["START_CLAUDE_PASSPHRASE"] = "correct horse battery staple 23" };
            foreach (var (name, value) in extra ?? new Dictionary<string, string>())
                variables[name] = value;
            return ToolProcess.RunAsync(Home, variables, Limit, args);
        }

        public void Dispose() => Home.Dispose();
    }

    private static async Task<(MotoServer Server, string Bucket)> BucketAsync()
    {
        var server = await SharedServers.SigningMotoAsync();
        return (server, await server.CreateBucketAsync());
    }

    private static async Task SetUpAsync(Machine machine, MotoServer server, string bucket, string kinds, bool encrypt = false)
    {
        var setup = await machine.RunAsync(SetupArgs.For(server, bucket, extra: ["--claude-files", kinds, encrypt ? "--encrypt" : "--no-encrypt"]));
        setup.ExitCode.Should().Be(0, setup.ToString());
    }

    private static async Task SyncAsync(Machine machine, params string[] extra)
    {
        var sync = await machine.RunAsync(["s3-sync", .. extra]);
        sync.ExitCode.Should().Be(0, sync.ToString());
    }

    [Test]
    public async Task An_agent_added_on_A_appears_on_B_and_a_command_deleted_on_A_goes_from_B()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        a.Write("agents/reviewer.md", "---\nname: reviewer\n---\nReview.\n");
        a.Write("commands/deploy.md", "Deploy it.\n");
        await SetUpAsync(a, server, bucket, "agents,commands");
        await SyncAsync(a);
        await SetUpAsync(b, server, bucket, "agents,commands");

        File.ReadAllText(b.Claude("agents/reviewer.md")).Should().Be("---\nname: reviewer\n---\nReview.\n");
        File.Exists(b.Claude("commands/deploy.md")).Should().BeTrue();

        File.Delete(a.Claude("commands/deploy.md"));
        await SyncAsync(a);
        var sync = await b.RunAsync("s3-sync");

        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("removed: file commands/deploy.md");
        File.Exists(b.Claude("commands/deploy.md")).Should().BeFalse();
        File.Exists(b.Claude("agents/reviewer.md")).Should().BeTrue();
        Directory.EnumerateFiles(Path.Combine(b.Home.Folder, "backups", "claude"), "deploy.md", SearchOption.AllDirectories).Should().ContainSingle("the deleted file is kept in backups first");
    }

    [Test]
    public async Task CLAUDE_md_edited_on_both_merges_at_different_lines_and_asks_at_the_same_line()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        a.Write("CLAUDE.md", "# Rules\none\ntwo\nthree\nfour\nfive\n");
        await SetUpAsync(a, server, bucket, "CLAUDE.md");
        await SyncAsync(a);
        await SetUpAsync(b, server, bucket, "CLAUDE.md");

        a.Write("CLAUDE.md", "# Rules\none from A\ntwo\nthree\nfour\nfive\n");
        b.Write("CLAUDE.md", "# Rules\none\ntwo\nthree\nfour\nfive from B\n");
        await SyncAsync(a);
        await SyncAsync(b);
        await SyncAsync(a);
        File.ReadAllText(a.Claude("CLAUDE.md")).Should().Be("# Rules\none from A\ntwo\nthree\nfour\nfive from B\n");
        File.ReadAllText(b.Claude("CLAUDE.md")).Should().Be("# Rules\none from A\ntwo\nthree\nfour\nfive from B\n");

        a.Write("CLAUDE.md", "# Rules\none A again\ntwo\nthree\nfour\nfive from B\n");
        b.Write("CLAUDE.md", "# Rules\none B again\ntwo\nthree\nfour\nfive from B\n");
        await SyncAsync(a);
        var conflict = await b.RunAsync("s3-sync");

        conflict.ExitCode.Should().Be(3, conflict.ToString());
        conflict.Error.Should().Contain("file CLAUDE.md").And.Contain("--prefer");
        File.ReadAllText(b.Claude("CLAUDE.md")).Should().Be("# Rules\none B again\ntwo\nthree\nfour\nfive from B\n", "nothing is written before the question is answered");
    }

    [Test]
    public async Task An_MCP_server_added_on_B_reaches_A_with_its_home_path_expanded_and_the_rest_of_A_claude_json_unchanged()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        var big = new StringBuilder("{\n  \"numStartups\": 12,\n  \"projects\": {\n");
        for (var i = 0; i < 2000; i++)
            big.Append($"    \"/work/project-{i}\": {{\n      \"allowedTools\": [],\n      \"history\": [\"caf\\u00e9 {i}\", 1.0e5]\n    }},\n");
        big.Append("    \"/last\": {}\n  },\n  \"mcpServers\": {}\n}\n");
        File.WriteAllText(a.GlobalConfig, big.ToString());
        File.WriteAllText(a.Claude("settings.json"), "{\n  \"model\": \"opus\",\n  \"permissions\": {\"allow\": []}\n}\n");
        var settingsBefore = File.ReadAllBytes(a.Claude("settings.json"));
        await SetUpAsync(a, server, bucket, "mcp-servers,settings:permissions");
        await SyncAsync(a);
        File.WriteAllText(b.GlobalConfig, "{\"mcpServers\":{\"files\":{\"command\":\"" + b.User + "/bin/files-mcp\",\"args\":[\"--root\",\"" + b.User + "/work\"]}}}");
        File.WriteAllText(b.Claude("settings.json"), "{\"model\":\"sonnet\",\"permissions\":{\"allow\":[]}}");
        await SetUpAsync(b, server, bucket, "mcp-servers,settings:model,settings:permissions");
        JsonNode.Parse(File.ReadAllText(b.GlobalConfig))!["mcpServers"]!["files"].Should().NotBeNull("joining a remote without configs keeps this machine's servers");
        await SyncAsync(b);

        var sync = await a.RunAsync("s3-sync");

        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("added:   MCP server files");
        var after = File.ReadAllText(a.GlobalConfig);
        var servers = JsonNode.Parse(after)!["mcpServers"]!;
        servers["files"]!["command"]!.GetValue<string>().Should().Be(a.User + "/bin/files-mcp");
        servers["files"]!["args"]![1]!.GetValue<string>().Should().Be(a.User + "/work");
        var at = big.ToString().IndexOf("  \"mcpServers\"", StringComparison.Ordinal);
        after[..at].Should().Be(big.ToString()[..at], "the other 200 KB of .claude.json stay byte for byte");
        after.Length.Should().BeGreaterThan(200_000);
        File.ReadAllBytes(a.Claude("settings.json")).Should().Equal(settingsBefore, "settings:model was not chosen on A, and permissions did not change");
    }

    [Test]
    public async Task A_linked_CLAUDE_md_is_written_through_and_a_machine_that_chose_only_agents_leaves_commands_in_the_document()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var b = new Machine();
        using var c = new Machine();
        a.Write("CLAUDE.md", "from A\n");
        a.Write("commands/ship.md", "Ship.\n");
        await SetUpAsync(a, server, bucket, "CLAUDE.md,commands,agents");
        await SyncAsync(a);
        var dotfiles = Path.Combine(b.User, "dotfiles");
        Directory.CreateDirectory(dotfiles);
        File.WriteAllText(Path.Combine(dotfiles, "CLAUDE.md"), "from A\n");
        File.CreateSymbolicLink(b.Claude("CLAUDE.md"), Path.Combine(dotfiles, "CLAUDE.md"));
        await SetUpAsync(b, server, bucket, "CLAUDE.md,agents");
        b.Write("agents/helper.md", "Help.\n");
        await SyncAsync(b);

        a.Write("CLAUDE.md", "changed on A\n");
        await SyncAsync(a);
        await SyncAsync(b);

        new FileInfo(b.Claude("CLAUDE.md")).LinkTarget.Should().NotBeNull("the link stays a link");
        File.ReadAllText(Path.Combine(dotfiles, "CLAUDE.md")).Should().Be("changed on A\n");
        File.Exists(b.Claude("commands/ship.md")).Should().BeFalse("B did not choose commands");
        await SetUpAsync(c, server, bucket, "commands,agents");
        File.ReadAllText(c.Claude("commands/ship.md")).Should().Be("Ship.\n", "B's syncs left commands in the document");
        File.ReadAllText(c.Claude("agents/helper.md")).Should().Be("Help.\n");
    }

    [Test]
    public async Task A_start_reads_none_of_the_Claude_Code_files()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        using var claude = new StandInClaude();
        File.WriteAllText(a.Claude("settings.json"), "{\"model\":\"opus\"}");
        await SetUpAsync(a, server, bucket, "settings:model,agents");
        (await a.RunAsync("add", "work", "--api-key", "sk-ant-api03-START-reads-nothing-c3Fz")).ExitCode.Should().Be(0);
        (await a.RunAsync(claude.OnPath(), "work")).ExitCode.Should().Be(0, "the first start checks the remote; the next one within the hour does not");
        File.WriteAllText(a.Claude("settings.json"), "{ this is not JSON");

        var start = await a.RunAsync(claude.OnPath(), "work");
        var sync = await a.RunAsync("s3-sync");

        start.ExitCode.Should().Be(0, "a start that read settings.json would have failed: " + start);
        sync.ExitCode.Should().Be(1, sync.ToString());
        sync.Error.Should().Contain("settings.json is not a JSON object");
    }

    [Test]
    public async Task With_encryption_on_the_bucket_holds_no_MCP_secret_in_the_clear()
    {
        const string Secret = "ghp_SECRETmcpTOKEN0123456789abcdefXYZ";
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        File.WriteAllText(a.GlobalConfig, "{\"mcpServers\":{\"github\":{\"command\":\"gh-mcp\",\"env\":{\"GITHUB_TOKEN\":\"" + Secret + "\"}}}}");
        await SetUpAsync(a, server, bucket, "mcp-servers", encrypt: true);

        var sync = await a.RunAsync("s3-sync");
        var status = await a.RunAsync("s3-status");

        sync.ExitCode.Should().Be(0, sync.ToString());
        var stored = await server.ReadObjectAsync(bucket, "start-claude-config.json");
        Encoding.UTF8.GetString(stored!).Should().StartWith("age-encryption.org/v1").And.NotContain(Secret).And.NotContain("GITHUB_TOKEN");
        (sync.All + status.All).Should().NotContain(Secret);
    }

    [TestCase("{\"files\":{\"../escape.md\":{\"text\":\"x\"}}}", "../escape.md")]
    [TestCase("{\"files\":{\"/tmp/abs.md\":{\"text\":\"x\"}}}", "/tmp/abs.md")]
    [TestCase("{\"files\":{\"agents/\\u001b]0;pwned\\u0007.md\":{\"text\":\"x\"}}}", "agents/\\u001b]0;pwned\\u0007.md")]
    [TestCase("{\"files\":{\"agents/bin.md\":{\"text\":\"\\u0000ELF\"}}}", "binary content")]
    public async Task A_hostile_document_is_refused_with_one_clear_error_and_nothing_is_written(string section, string named)
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        await SetUpAsync(a, server, bucket, "CLAUDE.md,agents");
        await server.PutObjectAsync(bucket, "start-claude-config.json", Encoding.UTF8.GetBytes("{\"configs\":[],\"claudeCode\":" + section + "}"));
        var before = Directory.GetFileSystemEntries(a.User, "*", SearchOption.AllDirectories).Order().ToList();

        var sync = await a.RunAsync("s3-sync");

        sync.ExitCode.Should().NotBe(0, sync.ToString());
        sync.Error.Trim().Split('\n').Should().ContainSingle(sync.ToString()).Which.Should().Contain(named).And.NotContain("\u001b");
        Directory.GetFileSystemEntries(a.User, "*", SearchOption.AllDirectories).Order().Should().Equal(before);
        File.Exists(Path.Combine(a.Home.Folder, "escape.md")).Should().BeFalse();
    }

    [Test]
    public async Task A_document_of_ten_thousand_files_is_refused_naming_the_limit()
    {
        var (server, bucket) = await BucketAsync();
        using var a = new Machine();
        await SetUpAsync(a, server, bucket, "agents");
        var files = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"agents/{i}.md\":{{\"text\":\"x\"}}"));
        await server.PutObjectAsync(bucket, "start-claude-config.json", Encoding.UTF8.GetBytes("{\"configs\":[],\"claudeCode\":{\"files\":{" + files + "}}}"));

        var sync = await a.RunAsync("s3-sync");

        sync.ExitCode.Should().NotBe(0, sync.ToString());
        sync.Error.Should().Contain("10,000 Claude Code files").And.Contain("2,000");
        Directory.Exists(a.Claude("agents")).Should().BeFalse();
    }
}
