using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// Teams (issue 25) with the real tool, three homes (each its own HOME, start-claude home and key), on moto
/// checking every signature with versioning on; the stock age binary and the AWS CLI play a bucket writer
/// without a member key.
/// </summary>
public partial class TeamProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private sealed class Member : IDisposable
    {
        public Member(string name)
        {
            Name = name;
            Home.WriteConfig("{\"configs\":[],\"settings\":{}}");
        }

        public string Name { get; }

        public TempHome Home { get; } = new();

        public string User => Path.Combine(Home.Folder, "user");

        public string IdentityFile => Path.Combine(Home.Folder, "identity.txt");

        public Task<ToolResult> RunAsync(params string[] args) =>
            ToolProcess.RunAsync(Home, new Dictionary<string, string> { ["HOME"] = User }, Limit, args);

        public async Task<ToolResult> OkAsync(params string[] args)
        {
            var run = await RunAsync(args);
            run.ExitCode.Should().Be(0, $"{Name}: start-claude {string.Join(' ', args)}\n{run}");
            return run;
        }

        public async Task<string> KeyAsync() => (await OkAsync("team", "key")).Output.Trim();

        public void Dispose() => Home.Dispose();
    }

    private const string Key = "teams/acme/team.age";

    [GeneratedRegex("--id ([0-9a-f]{64})")]
    private static partial Regex TeamIdPattern();

    /// <summary>Alice creates acme and invites Bob and Carol, who join: three members on one bucket, each with their own personal key.</summary>
    private static async Task<(MotoServer Server, string Bucket, Member Alice, Member Bob, Member Carol)> TeamOfThreeAsync(MotoServer? server = null)
    {
        server ??= await SharedServers.SigningMotoAsync();
        var bucket = await server.CreateBucketAsync();
        var alice = new Member("alice");
        var bob = new Member("bob");
        var carol = new Member("carol");
        foreach (var member in new[] { alice, bob, carol })
            await member.OkAsync(SetupArgs.For(server, bucket, key: member.Name + ".json", extra: ["--no-encrypt"]));
        await alice.OkAsync("s3-history", "--enable-versioning");
        await alice.OkAsync("team", "create", "acme", "--name", "alice");
        string? id = null;
        foreach (var member in new[] { bob, carol })
        {
            var invite = await alice.OkAsync("team", "invite", "acme", "--name", member.Name, "--key", await member.KeyAsync());
            id = TeamIdPattern().Match(invite.Output).Groups[1].Value;
        }
        foreach (var member in new[] { bob, carol })
            await member.OkAsync("team", "join", "acme", "--id", id!);
        return (server, bucket, alice, bob, carol);
    }

    private static async Task<(int ExitCode, string Error)> AgeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("age") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    private static async Task<string> DownloadAsync(MotoServer server, string bucket)
    {
        var file = Path.Combine(Path.GetTempPath(), $"team-{Guid.NewGuid():N}.age");
        await File.WriteAllBytesAsync(file, await AwsCli.GetObjectAsync(server, bucket, Key));
        return file;
    }

    [Test]
    public async Task A_config_shared_by_one_member_reaches_the_others_and_a_removed_member_is_cut_off()
    {
        AgeCli.Available.Should().BeTrue("age is installed by scripts/test.sh");
        var (server, bucket, alice, bob, carol) = await TeamOfThreeAsync();
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        await bob.OkAsync("add", "gateway", "--api-key", "sk-ant-api03-teamsecretvalue0123456789abcdef", "--base-url", "https://gateway.example.com");
        await bob.OkAsync("add", "private", "--api-key", "sk-ant-api03-bobsownkeynevershared0123456789");
        await bob.OkAsync("team", "share", "acme", "gateway");
        foreach (var member in new[] { alice, carol })
        {
            await member.OkAsync("team", "sync");
            var list = await member.OkAsync("list");
            list.Output.Should().Contain("acme/gateway").And.Contain("team acme").And.NotContain("private");
        }
        var members = await carol.OkAsync("team", "members", "acme");
        members.Output.Should().Contain("alice").And.Contain("admin").And.Contain("bob").And.Contain("(this machine)");
        Regex.Count(members.Output, "SHA256:").Should().Be(3);

        // The bucket holds the team's document in the age format: stock age opens it with any member's identity file.
        var before = await DownloadAsync(server, bucket);
        (await AgeAsync("-d", "-i", carol.IdentityFile, "-o", before + ".json", before)).ExitCode.Should().Be(0);
        File.ReadAllText(before + ".json").Should().Contain("gateway");

        var removal = await alice.OkAsync("team", "remove", "acme", "bob", "--delete-old-versions");
        removal.Output.Should().Contain("sk-ant-…cdef", "the removal lists each key bob could read, masked")
            .And.NotContain("teamsecretvalue").And.Contain("Deleted");
        (await AwsCli.ListVersionsAsync(server, bucket, Key)).Where(v => v.Key == Key).Should().ContainSingle("the older versions bob could read were deleted");

        var cutOff = await bob.RunAsync("team", "sync");
        cutOff.OneErrorLine(1).Should().StartWith("error: team acme's document is not encrypted to this machine's key");
        var after = await DownloadAsync(server, bucket);
        (await AgeAsync("-d", "-i", bob.IdentityFile, "-o", after + ".json", after)).ExitCode.Should().NotBe(0, "stock age cannot open the current document with bob's key");
        (await AgeAsync("-d", "-i", carol.IdentityFile, "-o", after + ".json", after)).ExitCode.Should().Be(0);
        await carol.OkAsync("team", "sync");
        (await carol.OkAsync("team", "members", "acme")).Output.Should().NotContain("bob");

        // s3-sync keeps one's own document and then each team; the team bob was removed from is named, with why.
        var everything = await bob.RunAsync("s3-sync");
        everything.Output.Should().Contain("Nothing to do", "his own document still syncs");
        everything.OneErrorLine(1).Should().StartWith("error: team acme's document is not encrypted");
        (await bob.OkAsync("team", "leave", "acme")).Output.Should().Contain("Left team acme");
        (await bob.OkAsync("list")).Output.Should().NotContain("acme/").And.Contain("private");
        await bob.OkAsync("s3-sync");
    }

    [Test]
    public async Task A_teams_agent_CLAUDE_md_and_MCP_server_reach_the_members_who_take_them_under_the_teams_name_and_never_their_own_remote()
    {
        var (server, bucket, alice, bob, carol) = await TeamOfThreeAsync();
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        await alice.OkAsync("team", "claude-files", "acme", "--set", "CLAUDE.md,agents,mcp-servers");
        Directory.CreateDirectory(Path.Combine(alice.User, ".claude", "agents", "acme"));
        Directory.CreateDirectory(Path.Combine(alice.User, ".claude", "rules", "acme"));
        File.WriteAllText(Path.Combine(alice.User, ".claude", "agents", "acme", "reviewer.md"), "---\nname: reviewer\n---\nReview every diff.\n");
        File.WriteAllText(Path.Combine(alice.User, ".claude", "rules", "acme", "CLAUDE.md"), "Use the team gateway.\n");
        File.WriteAllText(Path.Combine(alice.User, ".claude.json"),
            """{"mcpServers":{"acme-gateway":{"command":"gw","env":{"GW_TOKEN":"gw-token-0123456789abcdef"}},"alices-own":{"command":"x"}}}""");
        (await alice.OkAsync("team", "claude-files", "acme")).Output.Should().Contain("file agents/acme/reviewer.md").And.Contain("MCP server acme-gateway").And.NotContain("alices-own");
        await alice.OkAsync("team", "sync");

        // Bob takes them; his own remote (unencrypted here) keeps his own agents only. Carol takes none.
        var take = await bob.OkAsync("team", "claude-files", "acme", "--set", "CLAUDE.md,agents,mcp-servers");
        take.Error.Should().Contain("runs a command on this machine");
        await bob.OkAsync("claude-files", "--set", "agents,mcp-servers");
        Directory.CreateDirectory(Path.Combine(bob.User, ".claude", "agents"));
        File.WriteAllText(Path.Combine(bob.User, ".claude", "agents", "bobs-own.md"), "mine\n");
        var sync = await bob.OkAsync("s3-sync");
        File.ReadAllText(Path.Combine(bob.User, ".claude", "agents", "acme", "reviewer.md")).Should().Contain("Review every diff.");
        File.ReadAllText(Path.Combine(bob.User, ".claude", "rules", "acme", "CLAUDE.md")).Should().Be("Use the team gateway.\n");
        JsonNode.Parse(File.ReadAllText(Path.Combine(bob.User, ".claude.json")))!["mcpServers"]!.AsObject().Select(p => p.Key).Should().Equal(["acme-gateway"]);
        await bob.OkAsync("s3-sync");
        var personal = Encoding.UTF8.GetString(await AwsCli.GetObjectAsync(server, bucket, "bob.json"));
        personal.Should().Contain("bobs-own").And.NotContain("reviewer").And.NotContain("gateway", $"a team's items never reach a member's own remote ({sync.Output})");
        await carol.OkAsync("team", "sync");
        Directory.Exists(Path.Combine(carol.User, ".claude", "agents")).Should().BeFalse();

        // Bob's edit goes back to the team; the removal lists the MCP secret he could read; leaving deletes his copies.
        File.AppendAllText(Path.Combine(bob.User, ".claude", "agents", "acme", "reviewer.md"), "Twice.\n");
        await bob.OkAsync("team", "sync");
        await alice.OkAsync("team", "sync");
        File.ReadAllText(Path.Combine(alice.User, ".claude", "agents", "acme", "reviewer.md")).Should().EndWith("Twice.\n");
        var removal = await alice.OkAsync("team", "remove", "acme", "bob", "--keep-old-versions");
        removal.Output.Should().Contain("MCP server 'gateway': env GW_TOKEN").And.NotContain("gw-token-0123456789abcdef");
        var leave = await bob.OkAsync("team", "leave", "acme");
        leave.Output.Should().Contain("deleted file agents/acme/reviewer.md").And.Contain("deleted MCP server acme-gateway");
        File.Exists(Path.Combine(bob.User, ".claude", "agents", "acme", "reviewer.md")).Should().BeFalse();
        File.Exists(Path.Combine(bob.User, ".claude", "agents", "bobs-own.md")).Should().BeTrue();
        await bob.OkAsync("s3-sync");
        Encoding.UTF8.GetString(await AwsCli.GetObjectAsync(server, bucket, "bob.json")).Should().NotContain("reviewer").And.NotContain("gateway");
    }

    [Test]
    public async Task A_team_emptied_by_another_member_is_asked_about_with_the_team_syncs_own_flags()
    {
        var (_, _, alice, bob, carol) = await TeamOfThreeAsync();
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        foreach (var name in new[] { "g1", "g2" })
        {
            await alice.OkAsync("add", name, "--api-key", "sk-ant-api03-aaaaaaaaaaaaaaaaaaaaaaaaaaaa" + name);
            await alice.OkAsync("team", "share", "acme", name);
        }
        await bob.OkAsync("team", "sync");
        var status = JsonNode.Parse((await bob.OkAsync("s3-status", "--json")).Output)!;
        status["teams"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal(["acme"]);
        status["encryptedTo"].Should().BeNull("this bucket's own documents are plain JSON here");
        var bobs = await bob.RunAsync("s3-sync");
        bobs.Error.Should().NotContain("repaired", "a member whose only configs are the team's has the team's default as its own");
        await alice.OkAsync("remove", "acme/g1", "-y");
        await alice.OkAsync("remove", "acme/g2", "-y");
        await alice.OkAsync("team", "sync");

        foreach (var args in new[] { new[] { "team", "sync" }, ["s3-sync"] })
        {
            var run = await bob.RunAsync(args);
            run.ExitCode.Should().Be(3);
            run.Output.Should().Contain("Team acme:", "the team is named before anything is asked about it");
            run.Error.Should().Contain("team acme: the remote document holds no configs any more").And.Contain("--prefer remote")
                .And.NotContain("s3-download", "s3-download is one's own document's, not a team's");
        }
        await bob.OkAsync("team", "sync", "--prefer", "remote");
        (await bob.OkAsync("list")).Output.Should().NotContain("acme/");
    }

    [Test]
    public async Task A_document_from_a_bucket_writer_without_a_member_key_is_refused_on_every_machine()
    {
        AgeCli.Available.Should().BeTrue("age is installed by scripts/test.sh");
        AwsCli.Available.Should().BeTrue("the AWS CLI is installed by scripts/test.sh");
        var (server, bucket, alice, bob, carol) = await TeamOfThreeAsync();
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        await alice.OkAsync("add", "gateway", "--api-key", "sk-ant-api03-teamsecretvalue0123456789abcdef", "--base-url", "https://gateway.example.com");
        await alice.OkAsync("team", "share", "acme", "gateway");
        await bob.OkAsync("team", "sync");
        await carol.OkAsync("team", "sync");
        var older = (await AwsCli.ListVersionsAsync(server, bucket, Key)).First(v => v.Key == Key && v.IsLatest);
        await alice.OkAsync("add", "second", "--api-key", "sk-ant-api03-anothervalue0123456789abcdefgh");
        await alice.OkAsync("team", "share", "acme", "second");
        foreach (var member in new[] { bob, carol })
            await member.OkAsync("team", "sync");

        // 1. A new file encrypted with stock age to every member's key, injecting an attacker's gateway.
        var injected = Path.Combine(Path.GetTempPath(), $"inject-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(injected + ".json", "{\"configs\":[{\"id\":\"x\",\"name\":\"gateway\",\"baseUrl\":\"https://attacker.example\",\"isDefault\":true}],\"settings\":{}}");
        var recipients = new List<string>();
        foreach (var member in new[] { alice, bob, carol })
            recipients.AddRange(["-r", await member.KeyAsync()]);
        (await AgeAsync([.. recipients, "-o", injected, injected + ".json"])).ExitCode.Should().Be(0);
        await AwsCli.PutObjectAsync(server, bucket, Key, injected);
        foreach (var member in new[] { alice, bob, carol })
        {
            var sync = await member.RunAsync("team", "sync");
            sync.OneErrorLine(1).Should().Contain("carries no start-claude signature");
            (await member.OkAsync("show", "acme/gateway")).Output.Should().Contain("gateway.example.com").And.NotContain("attacker");
        }

        // 2. An older signed version put back, with the metadata it was signed with.
        var (body, metadata) = await AwsCli.GetObjectVersionAsync(server, bucket, Key, older.VersionId);
        await File.WriteAllBytesAsync(injected, body);
        await AwsCli.PutObjectAsync(server, bucket, Key, injected, metadata);
        foreach (var member in new[] { alice, bob, carol })
        {
            var sync = await member.RunAsync("team", "sync");
            sync.OneErrorLine(1).Should().Contain("is an older version");
            (await member.OkAsync("list")).Output.Should().Contain("acme/second");
        }

        // An admin puts the team's current state back by writing over it.
        await alice.OkAsync("team", "sync", "acme", "--replace");
        foreach (var member in new[] { bob, carol })
            (await member.OkAsync("team", "sync")).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task Two_members_writing_at_once_lose_nothing()
    {
        await using var server = await MotoServer.StartAsync(verifySignatures: false, atomicPuts: true);
        var (_, _, alice, bob, carol) = await TeamOfThreeAsync(server);
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        const int Rounds = 4;
        await Task.WhenAll(new[] { alice, bob, carol }.Select(member => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                await member.OkAsync("add", $"{member.Name}-{round}", "--api-key", $"sk-ant-api03-{member.Name}{round}0123456789abcdefghij");
                await member.OkAsync("team", "share", "acme", $"{member.Name}-{round}");
            }
        })));
        foreach (var member in new[] { alice, bob, carol, alice, bob })
            await member.OkAsync("team", "sync");

        var expected = new[] { "alice", "bob", "carol" }.SelectMany(name => Enumerable.Range(0, Rounds).Select(r => $"acme/{name}-{r}")).ToList();
        foreach (var member in new[] { alice, bob, carol })
        {
            var list = (await member.OkAsync("list", "--json")).Output;
            foreach (var name in expected)
                list.Should().Contain($"\"{name}\"", $"{member.Name} has every member's shared configs");
        }
    }

    [Test]
    public async Task History_and_restore_work_on_a_team_document_as_on_ones_own()
    {
        var (_, _, alice, bob, carol) = await TeamOfThreeAsync();
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        await alice.OkAsync("add", "gateway", "--api-key", "sk-ant-api03-teamsecretvalue0123456789abcdef", "--model", "opus-old");
        await alice.OkAsync("team", "share", "acme", "gateway");
        await alice.OkAsync("edit", "acme/gateway", "--model", "opus-new");
        await alice.OkAsync("team", "sync");
        await bob.OkAsync("team", "sync");
        (await bob.OkAsync("show", "acme/gateway")).Output.Should().Contain("opus-new");

        var history = JsonNode.Parse((await bob.OkAsync("s3-history", "--team", "acme", "--changes", "--json")).Output)!;
        history["remote"]!.GetValue<string>().Should().EndWith("/teams/acme/team.age");
        var versions = history["versions"]!.AsArray();
        var withOld = versions.First(v => v!["changes"]!.ToJsonString().Contains("gateway", StringComparison.Ordinal) && !v["isLatest"]!.GetValue<bool>());
        await bob.OkAsync("s3-restore", withOld!["versionId"]!.GetValue<string>(), "--team", "acme", "--yes");
        (await bob.OkAsync("show", "acme/gateway")).Output.Should().Contain("opus-old");

        var synced = JsonNode.Parse((await alice.OkAsync("team", "sync", "--json")).Output)!;
        synced["teams"]![0]!["team"]!.GetValue<string>().Should().Be("acme");
        synced["teams"]![0]!["outcome"]!.GetValue<string>().Should().Be("downloaded");
        (await alice.OkAsync("show", "acme/gateway")).Output.Should().Contain("opus-old", "a restore is a signed write like any other");
        var members = JsonNode.Parse((await alice.OkAsync("team", "members", "acme", "--json")).Output)!;
        members["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).Should().Equal("alice", "bob", "carol");
        members["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "bob")!["lastWrite"].Should().NotBeNull("bob wrote the restore");
    }

    [Test]
    public async Task A_member_who_leaves_and_joins_again_deletes_none_of_the_teams_configs()
    {
        var (_, _, alice, bob, carol) = await TeamOfThreeAsync();
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        await alice.OkAsync("add", "gateway", "--api-key", "sk-ant-api03-teamsecretvalue0123456789abcdef");
        await alice.OkAsync("team", "share", "acme", "gateway");
        await bob.OkAsync("team", "sync");
        var members = JsonNode.Parse((await alice.OkAsync("team", "members", "acme", "--json")).Output)!;

        // Leave removes the team's configs here; the base bob agreed before must not make the join read that as a deletion.
        await bob.OkAsync("team", "leave", "acme");
        var rejoin = await bob.OkAsync("team", "join", "acme", "--id", members["id"]!.GetValue<string>());

        rejoin.Output.Should().Contain("acme/gateway").And.NotContain("removed:");
        (await bob.OkAsync("list")).Output.Should().Contain("acme/gateway");
        await alice.OkAsync("team", "sync");
        (await alice.OkAsync("list")).Output.Should().Contain("acme/gateway", "a join never deletes the team's configs for everyone");
    }

    [Test]
    public async Task Ctrl_C_at_the_remove_question_leaves_the_member_in_the_team()
    {
        TmuxSession.Available.Should().BeTrue("tmux is installed by scripts/test.sh");
        var (_, _, alice, bob, carol) = await TeamOfThreeAsync();
        using var _a = alice;
        using var _b = bob;
        using var _c = carol;
        var environment = new Dictionary<string, string> { ["START_CLAUDE_HOME"] = alice.Home.Folder, ["HOME"] = alice.User, ["TERM"] = "xterm-256color" };
        using var terminal = new TmuxSession($"'{ToolProcess.Executable}' team remove acme bob", environment);

        await terminal.WaitForAsync("older versions");
        terminal.SendKeys("C-c");
        var screen = await terminal.WaitForAsync("[exit ");

        screen.Should().Contain("cancelled; nothing was changed").And.Contain("[exit 130]");
        (await alice.OkAsync("team", "members", "acme")).Output.Should().Contain("bob", "cancelled means bob is still a member");
        await bob.OkAsync("team", "sync");
        TestContext.Out.WriteLine(screen);
    }

    [Test]
    public async Task Errors_before_joining_point_to_what_a_machine_outside_the_team_can_run()
    {
        using var dave = new Member("dave");

        var sync = await dave.RunAsync("team", "sync", "acme");
        var join = await dave.RunAsync("team", "join", "acme", "--id", "3fc787b2a259");

        sync.ExitCode.Should().Be(2);
        sync.Error.Should().Contain("'start-claude team' names its teams").And.NotContain("team list", "there is no such command");
        join.ExitCode.Should().Be(2);
        join.Error.Should().Contain("team invite").And.NotContain("team members", "a machine not yet in the team cannot list its members");
    }

    [Test]
    public async Task A_team_write_is_labelled_with_the_device_name_setup_was_given()
    {
        var server = await SharedServers.SigningMotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var alice = new Member("alice");
        await alice.OkAsync(SetupArgs.For(server, bucket, key: "alice.json", extra: ["--no-encrypt", "--device-name", "alice-laptop"]));
        await alice.OkAsync("s3-history", "--enable-versioning");

        await alice.OkAsync("team", "create", "acme", "--name", "alice");

        var history = JsonNode.Parse((await alice.OkAsync("s3-history", "--team", "acme", "--json")).Output)!;
        history["versions"]!.AsArray().Select(v => v!["device"]!.GetValue<string>()).Should().Equal(["alice-laptop"], "s3-history --team tells who wrote by the names members gave");
    }
}
