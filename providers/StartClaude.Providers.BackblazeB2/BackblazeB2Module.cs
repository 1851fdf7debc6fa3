using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
using StartClaude.Providers.BackblazeB2;

[assembly: ProviderModule(typeof(BackblazeB2Module))]

namespace StartClaude.Providers.BackblazeB2;

public sealed class BackblazeB2Module : IProviderModule
{
    public void Register(IServiceCollection services) =>
        services.AddSingleton<IStorageProvider, BackblazeB2Provider>();
}
