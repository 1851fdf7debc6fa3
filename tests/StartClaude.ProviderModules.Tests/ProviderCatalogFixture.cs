using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
using StartClaude.Tool.Composition;

namespace StartClaude.ProviderModules.Tests;

/// <summary>The providers as the host finds them: by loading the modules beside the test assembly.</summary>
internal static class DiscoveredProviders
{
    private static readonly Lazy<IReadOnlyList<IStorageProvider>> All = new(() =>
    {
        var services = new ServiceCollection();
        ProviderModuleLoader.Register(services, AppContext.BaseDirectory, warning => throw new InvalidOperationException(warning));
        using var provider = services.BuildServiceProvider();
        return [.. provider.GetServices<IStorageProvider>()];
    });

    public static IStorageProvider Get(string id) => All.Value.Single(p => p.Id == id);

    public static IReadOnlyList<IStorageProvider> Every => All.Value;
}
