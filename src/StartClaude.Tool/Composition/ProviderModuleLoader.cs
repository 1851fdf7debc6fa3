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

    private static Assembly LoadOnce(string path)
    {
        var name = AssemblyName.GetAssemblyName(path);
        var existing = AssemblyLoadContext.Default.Assemblies
            .FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
        return existing ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
    }
}
