using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;

namespace StartClaude.Tool.Composition;

/// <summary>
/// Finds the provider modules beside the tool (<c>StartClaude.Providers.*.dll</c>) and lets each register
/// its services. Assemblies go into the default load context so the contract assembly exists once.
/// A module that fails to load is skipped with a warning; the others still work.
/// </summary>
public static class ProviderModuleLoader
{
    public const string FilePattern = "StartClaude.Providers.*.dll";

    /// <summary>
    /// The providers of the modules in <paramref name="folder"/>, each module registering into a container of
    /// its own, found when first enumerated: commands that never need a provider load no module.
    /// </summary>
    public static IEnumerable<IStorageProvider> Discover(string folder, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        foreach (var provider in LoadProviders(folder, warn))
            yield return provider;
    }

    private static IReadOnlyList<IStorageProvider> LoadProviders(string folder, Action<string> warn)
    {
        var services = new ServiceCollection();
        if (Register(services, folder, warn).Count == 0)
            warn($"no provider modules found in {folder}");
        // Not disposed: the providers live as long as the host's container, which owns nothing of theirs.
        return [.. services.BuildServiceProvider().GetServices<IStorageProvider>()];
    }

    public static IReadOnlyList<string> Register(IServiceCollection services, string folder, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(warn);
        var loaded = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, FilePattern).Order(StringComparer.Ordinal))
        {
            try
            {
                var assembly = LoadOnce(path);
                var marker = assembly.GetCustomAttribute<ProviderModuleAttribute>()
                    ?? throw new InvalidOperationException("it has no [assembly: ProviderModule(...)] attribute");
                if (!typeof(IProviderModule).IsAssignableFrom(marker.ModuleType))
                    throw new InvalidOperationException($"{marker.ModuleType.FullName} does not implement IProviderModule");
                var module = (IProviderModule)Activator.CreateInstance(marker.ModuleType)!;
                module.Register(services);
                loaded.Add(Path.GetFileName(path));
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException
                                           or TypeLoadException or InvalidOperationException or TargetInvocationException
                                           or MissingMethodException or ReflectionTypeLoadException)
            {
                warn($"skipped provider module {Path.GetFileName(path)}: {ex.Message}");
            }
        }
        return loaded;
    }

    // A module's file is named after its assembly. Matching by that name, rather than reading each file's
    // assembly name from disk, keeps System.Reflection.Metadata out of every start.
    private static Assembly LoadOnce(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var existing = AssemblyLoadContext.Default.Assemblies
            .FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
        return existing ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
    }
}
