using Microsoft.Extensions.DependencyInjection;
using StartClaude.Core.Local;
using StartClaude.Core.Providers;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Composition;

public static class ServiceRegistration
{
    public static IServiceCollection AddStartClaude(this IServiceCollection services, ToolConsole console, AppEnvironment environment, RemoteTimeouts timeouts)
    {
        services.AddSingleton(console);
        services.AddSingleton(environment);
        services.AddSingleton(timeouts);
        services.AddTransient(typeof(Lazy<>), typeof(DeferredService<>));
        services.AddSingleton<Prompts>();
        services.AddSingleton<Core.Encryption.IPassphraseSource, PassphrasePrompt>();
        services.AddSingleton<LocalConfigStore>();
        services.AddSingleton<BackupStore>();
        services.AddSingleton(provider => new HomeLock(environment, provider.GetRequiredService<LocalConfigStore>()) { Notice = console.Warn });
        services.AddSingleton<AwsSources>();
        services.AddSingleton<ProviderCatalog>();
        services.AddSingleton<RemoteStoreFactory>();
        services.AddSingleton<SyncTargetLoader>();
        services.AddSingleton<DocumentTransfer>();
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<StartCheckStore>();
        services.AddSingleton<SyncWriter>();
        services.AddSingleton<SyncEngine>();
        services.AddSingleton<Core.Diagnostics.LocalChecks>();
        services.AddSingleton<Core.Diagnostics.ServiceChecks>();
        services.AddSingleton<Core.Diagnostics.HealthChecks>();
        services.AddSingleton<Configs.ConfigChanges>();
        services.AddSingleton<Configs.StartupRemoteCheck>();
        services.AddSingleton<Launch.ClaudeProcess>();
        return services;
    }
}
