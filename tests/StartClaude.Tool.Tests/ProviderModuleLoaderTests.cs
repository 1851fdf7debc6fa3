using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
using StartClaude.Tool.Composition;

namespace StartClaude.Tool.Tests;

public class ProviderModuleLoaderTests
{
    [Test]
    public void The_host_assembly_names_no_provider()
    {
        typeof(StartClaudeApp).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .Should().NotContain(name => name!.StartsWith("StartClaude.Providers.", StringComparison.Ordinal));
    }

    [Test]
    public void Modules_are_found_by_file_name_and_a_broken_one_is_skipped_with_a_warning()
    {
        var folder = Directory.CreateTempSubdirectory("modules-").FullName;
        try
        {
            foreach (var dll in Directory.GetFiles(AppContext.BaseDirectory, ProviderModuleLoader.FilePattern))
                File.Copy(dll, Path.Combine(folder, Path.GetFileName(dll)));
            File.WriteAllText(Path.Combine(folder, "StartClaude.Providers.Broken.dll"), "not an assembly");
            var warnings = new List<string>();
            var services = new ServiceCollection();

            var loaded = ProviderModuleLoader.Register(services, folder, warnings.Add);

            loaded.Should().HaveCount(4);
            warnings.Should().ContainSingle().Which.Should().Contain("StartClaude.Providers.Broken.dll");
            using var provider = services.BuildServiceProvider();
            provider.GetServices<IStorageProvider>().Select(p => p.Id).Should().BeEquivalentTo(["aws-s3", "cloudflare-r2", "backblaze-b2", "s3-compatible"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task With_no_modules_the_tool_warns_and_refuses_a_provider_clearly()
    {
        var empty = Directory.CreateTempSubdirectory("no-modules-").FullName;
        using var home = new StartClaude.Testing.TempHome();
        var console = new Spectre.Console.Testing.TestConsole();
        using var error = new StringWriter();
        var env = StartClaude.Core.Local.AppEnvironment.From(new Dictionary<string, string> { ["START_CLAUDE_HOME"] = home.Folder });

        var code = StartClaudeApp.Run(["s3-setup", "--provider", "aws-s3"], new Console.ToolConsole(console, error, false), env, empty);

        code.Should().Be(2);
        error.ToString().Should().Contain("no provider modules found").And.Contain("unknown provider 'aws-s3'");
        Directory.Delete(empty);
    }
}
