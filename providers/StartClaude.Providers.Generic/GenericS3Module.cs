using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
using StartClaude.Providers.Generic;

[assembly: ProviderModule(typeof(GenericS3Module))]

namespace StartClaude.Providers.Generic;

public sealed class GenericS3Module : IProviderModule
{
    public void Register(IServiceCollection services) =>
        services.AddSingleton<IStorageProvider, GenericS3Provider>();
}
