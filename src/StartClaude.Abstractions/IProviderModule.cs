using Microsoft.Extensions.DependencyInjection;

namespace StartClaude.Abstractions;

/// <summary>
/// The entry point of a provider assembly (<c>StartClaude.Providers.*.dll</c>). The host creates it
/// with its parameterless constructor and lets it register its services.
/// </summary>
public interface IProviderModule
{
    /// <summary>Registers this module's <see cref="IStorageProvider"/> (and anything it needs).</summary>
    void Register(IServiceCollection services);
}

/// <summary>Names the <see cref="IProviderModule"/> type of a provider assembly, so the host need not scan it.</summary>
/// <param name="moduleType">A public type with a parameterless constructor implementing <see cref="IProviderModule"/>.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ProviderModuleAttribute(Type moduleType) : Attribute
{
    /// <summary>The module type.</summary>
    public Type ModuleType { get; } = moduleType;
}
