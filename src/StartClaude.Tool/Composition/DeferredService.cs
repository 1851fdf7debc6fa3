using Microsoft.Extensions.DependencyInjection;

namespace StartClaude.Tool.Composition;

/// <summary>
/// <c>Lazy&lt;T&gt;</c> from the container: a command that needs a costly service only on some runs takes
/// <c>Lazy&lt;T&gt;</c>, and the service (with everything it depends on) is built when first used.
/// </summary>
internal sealed class DeferredService<T>(IServiceProvider services) : Lazy<T>(services.GetRequiredService<T>)
    where T : notnull;
