using System.Globalization;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// The everyday commands load only what they use: the built tool, run as a child process, lists the
/// assemblies it loaded (START_CLAUDE_LOADED_ASSEMBLIES). Starting a config, `show` and `list` touch no
/// network, so MinIO must stay unloaded; only `list` draws (a table), so only it may load Spectre.Console.
/// A no-op s3-sync and s3-status talk to the service through the tool's own requests, never through MinIO.
/// </summary>
public class LeanPathTests
{
    private const string Minio = "Minio";
    private const string Spectre = "Spectre.Console";
    private const string CommandLineUtils = "McMaster.Extensions.CommandLineUtils";
    // A start's own code uses loops where LINQ would load this assembly for a handful of calls (about 1 ms).
    private const string Linq = "System.Linq";
    // Loaded by JsonDocument.Parse: a start reads its few small files with the JSON reader alone.
    private const string Pipelines = "System.IO.Pipelines";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private TempHome _home = null!;
    private StandInClaude _claude = null!;
    private DirectoryInfo _reportFolder = null!;
    private string _report = null!;

    [SetUp]
    public void Create()
    {
        _home = new TempHome();
        _claude = new StandInClaude();
        // Outside the home: the report never writes there (LoadedAssemblyReport).
        _reportFolder = Directory.CreateTempSubdirectory("start-claude-report-");
        _report = Path.Combine(_reportFolder.FullName, "loaded-assemblies.txt");
    }

    [TearDown]
    public void Remove()
    {
        _home.Dispose();
        _claude.Dispose();
        _reportFolder.Delete(recursive: true);
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

    private Task<(ToolResult Result, IReadOnlyList<string> Loaded)> Run(params string[] args) => RunIn(null, args);

    private async Task<(ToolResult Result, IReadOnlyList<string> Loaded)> RunIn(string? folder, params string[] args)
    {
        var variables = _claude.OnPath();
        variables[Diagnostics.LoadedAssemblyReport.Variable] = _report;
        var result = await ToolProcess.RunInAsync(folder, _home, variables, Limit, [], args);
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
            .And.NotContain(Linq).And.NotContain(Pipelines).And.NotContain(name => name.StartsWith("StartClaude.Providers.", StringComparison.Ordinal));
    }

    [Test]
    public async Task Starting_a_config_without_sync_loads_no_provider_module()
    {
        _home.WriteConfig("""{ "configs": [ { "name": "work", "apiKey": "sk-ant-lean-0000000000000000-c3Fz", "isDefault": true } ] }""");

        var (result, loaded) = await Run("work");

        result.ExitCode.Should().Be(0, result.ToString());
        _claude.Ran.Should().BeTrue();
        loaded.Should().NotContain(Minio).And.NotContain(Spectre).And.NotContain(CommandLineUtils).And.NotContain(Linq)
            .And.NotContain(name => name.StartsWith("StartClaude.Providers.", StringComparison.Ordinal));
    }

    [Test]
    public async Task Starting_with_a_binding_five_folders_up_loads_neither_the_parser_nor_LINQ_nor_Pipelines()
    {
        await WriteConfigsWithSyncCheckedNowAsync();
        var project = Directory.CreateTempSubdirectory("start-claude-lean-project-").FullName;
        try
        {
            var deep = Path.Combine(project, "a", "b", "c", "d", "e");
            Directory.CreateDirectory(deep);
            File.WriteAllText(Path.Combine(project, ".start-claude-config"), "# bound\nwork\n");
            // This machine's bindings too: the start reads bindings.json on its way.
            File.WriteAllText(Path.Combine(_home.Folder, "bindings.json"), $$"""{ "bindings": { "{{Path.Combine(project, "elsewhere")}}": "work" } }""");
            Directory.CreateDirectory(Path.Combine(project, ".claude"));
            File.WriteAllText(Path.Combine(project, ".claude", "settings.json"), """{ "env": { "ANTHROPIC_MODEL": "project-model" } }""");

            var (result, loaded) = await RunIn(deep);

            result.ExitCode.Should().Be(0, result.ToString());
            _claude.Ran.Should().BeTrue();
            result.Error.Should().Contain("ANTHROPIC_MODEL", "the project's settings were read, so the test proves their reading is lean too");
            loaded.Should().NotContain(Minio).And.NotContain(Spectre).And.NotContain(CommandLineUtils)
                .And.NotContain(Linq).And.NotContain(Pipelines).And.NotContain(name => name.StartsWith("StartClaude.Providers.", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
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
    public async Task A_sync_with_nothing_to_do_and_a_status_load_no_MinIO()
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        _home.WriteConfig("""{ "configs": [ { "name": "work", "apiKey": "sk-ant-lean-0000000000000000-c3Fz", "isDefault": true } ] }""");
        var setup = await ToolProcess.RunAsync(_home, null, Limit, SetupArgs.For(server, bucket, extra: "--no-encrypt"));
        setup.ExitCode.Should().Be(0, setup.ToString());
        var upload = await ToolProcess.RunAsync(_home, null, Limit, "s3-sync");
        upload.ExitCode.Should().Be(0, upload.ToString());

        var (sync, syncLoaded) = await Run("s3-sync");
        var (status, statusLoaded) = await Run("s3-status");

        sync.ExitCode.Should().Be(0, sync.ToString());
        sync.Output.Should().Contain("Nothing to do");
        syncLoaded.Should().Contain("StartClaude.Providers.Generic").And.NotContain(Minio).And.NotContain(Spectre);
        status.ExitCode.Should().Be(0, status.ToString());
        status.Output.Should().Contain("in sync");
        statusLoaded.Should().NotContain(Minio);
    }

    [Test]
    public async Task A_command_that_uses_LINQ_does_load_it_so_the_report_can_tell()
    {
        await WriteConfigsWithSyncCheckedNowAsync();

        var (result, loaded) = await Run("list");

        result.ExitCode.Should().Be(0, result.ToString());
        loaded.Should().Contain(Linq, "the parser and the table use LINQ; a report that never lists it would prove nothing");
    }

    // s3-history was the last command to ask the MinIO SDK (its listing signed '+' in a key as a space);
    // every request now goes through the tool's own wire (issue 22 item 4).
    [Test]
    public async Task History_asks_no_SDK_either()
    {
        await WriteConfigsWithSyncCheckedNowAsync();

        var (result, loaded) = await Run("s3-history");

        result.ExitCode.Should().NotBe(0, "nothing listens on the endpoint");
        loaded.Should().Contain("StartClaude.Providers.Generic").And.NotContain(Minio);
    }
}
