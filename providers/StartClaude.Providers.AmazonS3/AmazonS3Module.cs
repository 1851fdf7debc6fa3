using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
using StartClaude.Providers.AmazonS3;

[assembly: ProviderModule(typeof(AmazonS3Module))]

namespace StartClaude.Providers.AmazonS3;

public sealed class AmazonS3Module : IProviderModule
{
    public void Register(IServiceCollection services) =>
        services.AddSingleton<IStorageProvider, AmazonS3Provider>();
}
