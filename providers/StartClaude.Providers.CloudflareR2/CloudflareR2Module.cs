using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
using StartClaude.Providers.CloudflareR2;

[assembly: ProviderModule(typeof(CloudflareR2Module))]

namespace StartClaude.Providers.CloudflareR2;

public sealed class CloudflareR2Module : IProviderModule
{
    public void Register(IServiceCollection services) =>
        services.AddSingleton<IStorageProvider, CloudflareR2Provider>();
}
