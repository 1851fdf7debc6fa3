using Spectre.Console.Testing;
using StartClaude.Core.Documents;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>list, add, edit, remove, default and show against throwaway homes (no sync set up).</summary>
public class ConfigCommandTests
{
    private const string WorkKey = "sk-ant-api03-WORKSECRETWORKSECRET-c3Fz";
    private const string HomeToken = "tok-HOMESECRETHOMESECRET-9kQx";
    private TempHome _home = null!;

    [SetUp]
    public void CreateHome() => _home = new TempHome();

    [TearDown]
    public void RemoveHome() => _home.Dispose();

    private Task<ToolResult> Run(params string[] args) => ToolRun.RunAsync(_home, null, args);

    private static TestConsole Terminal()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        return console;
    }

    private ConfigDocument Saved() => ConfigDocument.Parse(_home.ReadConfigBytes(), "test");

    private async Task AddTwoAsync()
    {
        (await Run("add", "work", "--api-key", WorkKey, "--base-url", "https://api.example.com", "--model", "claude-opus-4")).ExitCode.Should().Be(0);
        (await Run("add", "home", "--auth-token", HomeToken, "--base-url", "http://localhost:8080", "--permission-mode", "plan")).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task Add_by_flags_saves_the_fields_and_the_first_config_is_the_default()
    {
        var result = await Run("add", "work", "--api-key", WorkKey, "--base-url", "https://api.example.com", "--model", "claude-opus-4",
            "--set", "disableTelemetry=true", "--set", "mcpTimeout=5000", "--set", "httpsProxy=http://proxy:3128");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Added 'work' (the default)").And.Contain("sk-ant-…c3Fz").And.NotContain(WorkKey);
        var work = Saved().LiveConfigs.Single();
        work.Name.Should().Be("work");
        work.ApiKey.Should().Be(WorkKey);
        work.IsDefault.Should().BeTrue();
        work.Node["disableTelemetry"]!.GetValue<bool>().Should().BeTrue();
        work.Node["mcpTimeout"]!.GetValue<long>().Should().Be(5000);
        work.Node["httpsProxy"]!.GetValue<string>().Should().Be("http://proxy:3128");
        Guid.TryParse(work.Id, out _).Should().BeTrue();
    }

    [TestCase("--base-url", "api.example.com", "baseUrl must be an absolute http")]
    [TestCase("--permission-mode", "yolo", "permissionMode must be one of")]
    [TestCase("--profile-type", "custom", "profileType must be one of")]
    [TestCase("--order", "first", "order must be a whole number")]
    [TestCase("--set", "noSuchField=1", "does not know the field 'noSuchField'")]
    [TestCase("--set", "mcpTimeout=soon", "mcpTimeout must be a whole number")]
    public async Task Add_refuses_a_bad_value_and_writes_nothing(string flag, string value, string message)
    {
        var result = await Run("add", "work", flag, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(message);
        _home.ConfigExists.Should().BeFalse();
    }

    [Test]
    public async Task Add_refuses_a_name_that_exists_in_another_case_and_leaves_the_file_as_it_was()
    {
        await AddTwoAsync();
        var before = _home.ReadConfigBytes();

        var result = await Run("add", "WORK", "--api-key", "sk-other");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("a config named 'work' already exists");
        _home.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Add_without_a_terminal_and_without_a_name_names_what_is_missing()
    {
        var result = await Run("add", "--api-key", "sk-x");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("start-claude add <name>");
    }

    [Test]
    public async Task Passwords_inside_a_base_url_or_a_proxy_are_masked_wherever_the_config_is_shown()
    {
        var add = await Run("add", "gateway", "--api-key", WorkKey, "--base-url", "https://u:LEAKURLPW@llm.example.com/",
            "--set", "httpsProxy=http://u:LEAKPROXYPW@proxy.example.com:3128");
        var list = await Run("list");
        var json = await Run("list", "--json");
        var show = await Run("show", "gateway");

        add.ExitCode.Should().Be(0, add.ToString());
        foreach (var result in new[] { add, list, json, show })
        {
            result.ExitCode.Should().Be(0, result.ToString());
            result.All.Should().NotContain("LEAKURLPW").And.NotContain("LEAKPROXYPW");
        }
        show.Output.Should().Contain("https://u:***@llm.example.com/").And.Contain("http://u:***@proxy.example.com:3128");
        Saved().LiveConfigs.Single().BaseUrl.Should().Be("https://u:LEAKURLPW@llm.example.com/", "only what is shown is masked");
    }

    [Test]
    public async Task List_shows_a_table_with_keys_masked()
    {
        await AddTwoAsync();

        var result = await Run("list");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Name").And.Contain("Profile").And.Contain("Base URL").And.Contain("Model").And.Contain("Default").And.Contain("Enabled");
        var workRow = result.Output.Split('\n').Single(l => l.Contains("work", StringComparison.Ordinal));
        workRow.Should().Contain("https://api.example.com").And.Contain("claude-opus-4").And.Contain("sk-ant-…c3Fz").And.Contain("yes");
        result.Output.Should().Contain("token tok-…9kQx");
        result.All.Should().NotContain(WorkKey).And.NotContain(HomeToken);
    }

    // Cells are text, not markup: a name is shown as it is typed to start it, emoji codes and brackets included.
    [Test]
    public async Task List_shows_names_as_they_are_written()
    {
        _home.WriteConfig("""{"configs": [ {"name": ":rocket: [red]x[/] y:fire:y", "isDefault": true} ]}""");

        var result = await Run("list");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain(":rocket: [red]x[/] y:fire:y").And.NotContain("🚀").And.NotContain("🔥");
    }

    // Spectre.Console 0.57 spun forever measuring such a table at widths 26 to 33 (8 columns, wide characters).
    [Test]
    public void List_finishes_at_every_terminal_width_whatever_the_names()
    {
        _home.WriteConfig("""
            {"configs": [
              {"name": "設定🙂 :rocket: [red]x[/]", "apiKey": "sk-ant-wide-0000000000000000-c3Fz", "model": "モデル名🙂🙂🙂", "isDefault": true},
              {"name": "local", "localOnly": true, "baseUrl": "http://h", "enabled": false}
            ]}
            """);
        for (var width = 1; width <= 60; width++)
        {
            var console = new TestConsole();
            console.Profile.Width = width;
            var run = Task.Run(() => ToolRun.RunAsync(_home, null, console, interactive: false, "list"));

            run.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue($"list must finish on a terminal {width} wide");
            run.Result.ExitCode.Should().Be(0, run.Result.ToString());
            run.Result.Output.Should().Contain("╭").And.Contain("│ lo", "a table is drawn (at its least width the terminal wraps it), not Spectre's '…' for one it cannot draw");
        }
    }

    [Test]
    public async Task Show_masks_secrets_and_keeps_unknown_fields_visible()
    {
        await AddTwoAsync();
        _home.EditConfig(root => { root.Config("work")["futureField"] = "visible"; root.Config("work")["someApiSecret"] = "unknown-but-secret-1234567890"; });

        var result = await Run("show", "Work");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("apiKey:").And.Contain("sk-ant-…c3Fz").And.Contain("futureField:").And.Contain("visible");
        result.All.Should().NotContain(WorkKey).And.NotContain("unknown-but-secret-1234567890");
    }

    [Test]
    public async Task Show_reveal_is_refused_without_a_terminal()
    {
        await AddTwoAsync();

        var result = await Run("show", "work", "--reveal");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("only on a terminal");
        result.All.Should().NotContain(WorkKey);
    }

    [Test]
    public async Task Show_reveal_on_a_terminal_shows_the_secret()
    {
        await AddTwoAsync();

        var result = await ToolRun.RunAsync(_home, null, Terminal(), interactive: true, "show", "work", "--reveal");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain(WorkKey);
    }

    [Test]
    public async Task Edit_by_flags_changes_sets_renames_and_unsets()
    {
        await AddTwoAsync();

        var result = await Run("edit", "work", "--model", "claude-sonnet-4", "--rename", "office", "--unset", "baseUrl", "--set", "maxOutputTokens=4096");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Updated 'office'");
        var office = Saved().LiveConfigs.Single(c => c.Name == "office");
        office.Model.Should().Be("claude-sonnet-4");
        office.BaseUrl.Should().BeNull();
        office.ApiKey.Should().Be(WorkKey);
        office.Node["maxOutputTokens"]!.GetValue<long>().Should().Be(4096);
        office.IsDefault.Should().BeTrue();
    }

    [Test]
    public async Task Edit_refuses_to_unset_a_field_that_is_neither_known_nor_there()
    {
        await AddTwoAsync();
        var before = _home.ReadConfigBytes();

        var result = await Run("edit", "work", "--unset", "foo");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("'foo' is not a field of config 'work'").And.Contain("known fields:");
        _home.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Edit_with_nothing_to_change_and_no_terminal_says_so()
    {
        await AddTwoAsync();

        var result = await Run("edit", "work");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("nothing to change");
    }

    [Test]
    public async Task Default_moves_the_default()
    {
        await AddTwoAsync();

        var result = await Run("default", "HOME");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("'home' is now the default");
        Saved().LiveConfigs.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal("home");
    }

    [Test]
    public async Task Remove_asks_and_without_a_terminal_needs_yes()
    {
        await AddTwoAsync();
        var before = _home.ReadConfigBytes();

        var refused = await Run("remove", "home");
        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("--yes");
        _home.ReadConfigBytes().Should().Equal(before);

        var removed = await Run("remove", "home", "--yes");
        removed.ExitCode.Should().Be(0, removed.ToString());
        Saved().LiveConfigs.Select(c => c.Name).Should().Equal("work");
        (await Run("backups")).Output.Should().Contain("1 config", "the file before the removal is kept as a backup");
    }

    [Test]
    public async Task Removing_the_default_names_the_new_one()
    {
        await AddTwoAsync();

        var result = await Run("remove", "work", "-y");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("'home' is now the default");
    }

    [Test]
    public async Task Remove_on_a_terminal_cancelled_changes_nothing()
    {
        await AddTwoAsync();
        var before = _home.ReadConfigBytes();
        var console = Terminal();
        console.Input.PushTextWithEnter("n");

        var result = await ToolRun.RunAsync(_home, null, console, interactive: true, "remove", "work");

        // A "no" is an answer, not a failure (docs/exit-codes.md).
        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Nothing removed");
        _home.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Unknown_names_list_close_matches()
    {
        await AddTwoAsync();

        foreach (var args in new[] { new[] { "show", "wrok" }, ["edit", "wrok", "--model", "x"], ["remove", "wrok", "--yes"], ["default", "wrok"], ["wrok"] })
        {
            var result = await Run(args);
            result.ExitCode.Should().Be(2, $"{args[0]}: {result}");
            result.Error.Should().Contain("no config named 'wrok'; did you mean 'work'?");
        }
    }

    [Test]
    public async Task Add_on_a_terminal_asks_and_hides_the_key()
    {
        (await Run("add", "first", "--api-key", "sk-first")).ExitCode.Should().Be(0);
        var console = Terminal();
        console.Input.PushTextWithEnter("first");                     // taken: asked again
        console.Input.PushTextWithEnter("lab");
        console.Input.PushKey(ConsoleKey.Enter);                      // profile type: default
        console.Input.PushTextWithEnter("not a url");                 // refused
        console.Input.PushTextWithEnter("https://lab.example.com");
        console.Input.PushTextWithEnter(WorkKey);
        console.Input.PushTextWithEnter("");                          // model: none
        console.Input.PushTextWithEnter("y");                         // make it the default

        var result = await ToolRun.RunAsync(_home, null, console, interactive: true, "add");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("already exists").And.Contain("must be an absolute http").And.Contain("Added 'lab' (the default)");
        result.Output.Should().NotContain(WorkKey);
        var lab = Saved().LiveConfigs.Single(c => c.Name == "lab");
        lab.ApiKey.Should().Be(WorkKey);
        lab.BaseUrl.Should().Be("https://lab.example.com");
        lab.Model.Should().BeNull();
        lab.IsDefault.Should().BeTrue();
    }

    [Test]
    public async Task Edit_on_a_terminal_keeps_what_enter_keeps()
    {
        await AddTwoAsync();
        var console = Terminal();
        console.Input.PushTextWithEnter("");                          // name kept
        console.Input.PushTextWithEnter("https://new.example.com");   // base URL changed
        console.Input.PushTextWithEnter("");                          // API key kept (never shown)
        console.Input.PushTextWithEnter("");                          // model kept

        var result = await ToolRun.RunAsync(_home, null, console, interactive: true, "edit", "work");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain(WorkKey);
        var work = Saved().LiveConfigs.Single(c => c.Name == "work");
        work.BaseUrl.Should().Be("https://new.example.com");
        work.ApiKey.Should().Be(WorkKey);
        work.Model.Should().Be("claude-opus-4");
    }

    [TestCase("list")]
    [TestCase("S3-Sync")]
    [TestCase("s3")]
    public async Task A_config_cannot_take_a_command_name(string name)
    {
        var added = await Run("add", name, "--api-key", "sk-x");
        (await Run("add", "fine", "--api-key", "sk-x")).ExitCode.Should().Be(0);
        var renamed = await Run("edit", "fine", "--rename", name);

        added.ExitCode.Should().Be(2);
        added.Error.Should().Contain("is a start-claude command");
        renamed.ExitCode.Should().Be(2);
        Saved().LiveConfigs.Select(c => c.Name).Should().Equal("fine");
    }

    [Test]
    public async Task A_config_named_like_a_command_is_listed_with_how_to_start_it_and_that_way_works()
    {
        // As the original tool may have saved it: add refuses the name, but a file can hold it.
        _home.WriteConfig("""{"configs":[{"name":"work","apiKey":"sk-ant-api03-WORKWORKWORK-abcd","isDefault":true},{"name":"list","model":"listed-model"}]}""");
        using var claude = new StandInClaude();

        var listed = await Run("list");
        var chosen = await Run("default", "list");
        var started = await ToolRun.RunAsync(_home, claude.OnPath());
        var renamed = await Run("edit", "list", "--rename", "listing");

        listed.ExitCode.Should().Be(0, listed.ToString());
        listed.Error.Should().Contain("config 'list' has the name of a command")
            .And.Contain("start-claude default \"list\"").And.Contain("start-claude edit \"list\" --rename NEW-NAME");
        chosen.ExitCode.Should().Be(0, chosen.ToString());
        started.ExitCode.Should().Be(0, started.ToString());
        claude.Variables.Should().Contain("ANTHROPIC_MODEL", "listed-model");
        renamed.ExitCode.Should().Be(0, renamed.ToString());
        Saved().LiveConfigs.Select(c => c.Name).Should().Contain("listing");
        (await Run("list")).Error.Should().NotContain("has the name of a command");
    }

    [Test]
    public async Task Show_masks_every_string_inside_a_nested_field_it_does_not_know()
    {
        // Found by an adversary trial: an env object from a newer tool was shown with its keys in full.
        _home.WriteConfig("{\"configs\":[{\"name\":\"work\",\"isDefault\":true,\"env\":{\"OPENAI_API_KEY\":\"sk-proj-UNKNOWNFIELDSECRETBBBBBB\"}}],\"settings\":{}}");

        var result = await Run("show", "work");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("OPENAI_API_KEY").And.NotContain("UNKNOWNFIELDSECRET");
    }

    [Test]
    public async Task Edit_does_not_share_a_teams_config_to_the_personal_remote()
    {
        (await Run("add", "work", "--api-key", WorkKey)).ExitCode.Should().Be(0);
        _home.EditConfig(root => ((System.Text.Json.Nodes.JsonArray)root["configs"]!).Add(System.Text.Json.Nodes.JsonNode.Parse(
            "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"name\":\"acme/gateway\",\"apiKey\":\"sk-ant-api03-TEAMSECRETTEAMSECRET-t3aM\",\"isDefault\":false,\"team\":\"acme\",\"teamDefault\":true,\"localOnly\":true}")));
        var before = _home.ReadConfigBytes();

        var share = await Run("edit", "acme/gateway", "--no-local-only");
        var unset = await Run("edit", "acme/gateway", "--unset", "localOnly");

        share.ExitCode.Should().Be(2, share.ToString());
        share.Error.Should().Contain("team acme's config").And.NotContain("TEAMSECRET");
        unset.ExitCode.Should().Be(2, unset.ToString());
        _home.ReadConfigBytes().Should().Equal(before, "a refused edit writes nothing");
    }

    [Test]
    public async Task A_team_this_machine_is_not_in_is_named_with_a_command_that_lists_its_teams()
    {
        var sync = await Run("team", "sync", "acme");
        var listed = await Run("team");

        sync.ExitCode.Should().Be(2, sync.ToString());
        var named = System.Text.RegularExpressions.Regex.Match(sync.Error, "'start-claude ([a-z ]+)' names its teams");
        named.Success.Should().BeTrue(sync.Error);
        var command = await Run(named.Groups[1].Value.Split(' '));
        command.ExitCode.Should().Be(0, command.ToString());
        command.Output.Should().Be(listed.Output);
    }
}
