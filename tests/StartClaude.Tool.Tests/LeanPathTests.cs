using System.Globalization;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// The everyday commands load only what they use: the built tool, run as a child process, lists the
/// assemblies it loaded (START_CLAUDE_LOADED_ASSEMBLIES). Starting a config, `show` and `list` touch no
/// network, so MinIO must stay unloaded; only `list` draws (a table), so only it may load Spectre.Console.
/// </summary>
public class LeanPathTests
{
    private const string Minio = "Minio";
    private const string Spectre = "Spectre.Console";
    private const string CommandLineUtils = "McMaster.Extensions.CommandLineUtils";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private TempHome _home = null!;
    private StandInClaude _claude = null!;
    private string _report = null!;

    [SetUp]
    public void Create()
    {
        _home = new TempHome();
        _claude = new StandInClaude();
        _report = Path.Combine(_home.Folder, "loaded-assemblies.txt");
    }

    [TearDown]
    public void Remove()
    {
        _home.Dispose();
        _claude.Dispose();
    }

    // S3 sync set up against a loopback port where nothing listens, checked a moment ago: the start must not
    // reach for the network (no check is due), and the port makes sure it could not have succeeded if it had.
    // The first start makes that check (refused at once, so it warns) and records it, as a person's would.
    private async Task WriteConfigsWithSyncCheckedNowAsync()
    {
        var endpoint = $"http://127.0.0.1:{FreePort.Next()}";
        _home.WriteConfig($$"""
            {
              "configs": [ { "name": "work", "apiKey": "sk-ant-lean-0000000000000000-c3Fz", "model": "claude-opus-4", "isDefault": true } ],
              "settings": { "s3Sync": { "provider": "s3-compatible", "bucket": "lean", "region": "us-east-1", "accessKeyId": "lean-key",
                                        "secretAccessKey": "lean-secret", "endpointUrl": "{{endpoint}}", "key": "start-claude-config.json" } }
            }
            """);
        var first = await ToolProcess.RunAsync(_home, _claude.OnPath(), Limit, "work");
        first.ExitCode.Should().Be(0, first.ToString());
        first.Error.Should().Contain("could not check the remote configs", "the first start checks the remote");
    }

    private async Task<(ToolResult Result, IReadOnlyList<string> Loaded)> Run(params string[] args)
    {
        var variables = _claude.OnPath();
        variables[Diagnostics.LoadedAssemblyReport.Variable] = _report;
        var result = await ToolProcess.RunAsync(_home, variables, Limit, args);
        File.Exists(_report).Should().BeTrue($"the tool writes the report it was asked for ({result})");
        var loaded = File.ReadAllLines(_report).Where(line => !line.StartsWith('#')).ToList();
        return (result, loaded);
    }

    [Test]
    public async Task Starting_a_config_with_sync_set_up_loads_neither_MinIO_nor_Spectre()
    {
        await WriteConfigsWithSyncCheckedNowAsync();

        var (result, loaded) = await Run("work");

        result.ExitCode.Should().Be(0, result.ToString());
        _claude.Ran.Should().BeTrue();
        result.Error.Should().BeEmpty("no remote check was due");
        // Deciding that no check is due needs no provider either: it loads no provider module.
        // Nor, with only a name to bind, the command-line parser (Commands/PlainStart.cs).
        loaded.Should().Contain("StartClaude.Core").And.NotContain(Minio).And.NotContain(Spectre).And.NotContain(CommandLineUtils)
            .And.NotContain(name => name.StartsWith("StartClaude.Providers.", StringComparison.Ordinal));
    }

    [Test]
    public async Task Starting_a_config_without_sync_loads_no_provider_module()
    {
        _home.WriteConfig("""{ "configs": [ { "name": "work", "apiKey": "sk-ant-lean-0000000000000000-c3Fz", "isDefault": true } ] }""");

        var (result, loaded) = await Run("work");

        result.ExitCode.Should().Be(0, result.ToString());
        _claude.Ran.Should().BeTrue();
        loaded.Should().NotContain(Minio).And.NotContain(Spectre).And.NotContain(CommandLineUtils)
            .And.NotContain(name => name.StartsWith("StartClaude.Providers.", StringComparison.Ordinal));
    }

    [Test]
    public async Task Show_loads_neither_MinIO_nor_Spectre()
    {
        await WriteConfigsWithSyncCheckedNowAsync();

        var (result, loaded) = await Run("show", "work");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("claude-opus-4").And.Contain("sk-ant-…c3Fz");
        loaded.Should().NotContain(Minio).And.NotContain(Spectre);
    }

    [Test]
    public async Task List_draws_its_table_with_Spectre_and_loads_no_MinIO()
    {
        await WriteConfigsWithSyncCheckedNowAsync();

        var (result, loaded) = await Run("list");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("work");
        loaded.Should().Contain(Spectre).And.NotContain(Minio);
    }

    [Test]
    public async Task A_command_that_talks_to_the_remote_does_load_MinIO_so_the_report_can_tell()
    {
        await WriteConfigsWithSyncCheckedNowAsync();

        var (result, loaded) = await Run("s3-status");

        result.ExitCode.Should().NotBe(0, "nothing listens on the endpoint");
        loaded.Should().Contain(Minio);
    }
}
