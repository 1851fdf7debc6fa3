using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
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

        // What `start-claude NAME`, `list` and `show` resolve is built by these factories rather than found by
        // reflection: the container's first look at a constructor cost about 0.4 ms a type, 3.5 ms of every start.
        services.AddSingleton(_ => new Prompts(console));
        services.AddSingleton(_ => new BackupStore(environment));
        services.AddSingleton(provider => new LocalConfigStore(environment, provider.GetRequiredService<BackupStore>()));
        services.AddSingleton(_ => new AwsSources(environment));
        services.AddSingleton(provider => new ProviderCatalog(provider.GetRequiredService<IEnumerable<IStorageProvider>>(), provider.GetRequiredService<AwsSources>()));
        services.AddSingleton(_ => new StartCheckStore(environment));
        services.AddSingleton(provider => new Configs.StartupRemoteCheck(
            provider.GetRequiredService<ProviderCatalog>(),
            provider.GetRequiredService<StartCheckStore>(),
            new DeferredService<HomeLock>(provider),
            new DeferredService<SyncTargetLoader>(provider),
            new DeferredService<SyncEngine>(provider),
            console));
        services.AddSingleton(_ => new Launch.ClaudeProcess(environment, console));
        services.AddSingleton(_ => new Core.Bindings.HereOnlyBindings(environment));
        services.AddSingleton(provider => new Core.Bindings.ConfigChooser(environment, provider.GetRequiredService<Core.Bindings.HereOnlyBindings>()));
        services.AddSingleton(provider => new Launch.LaunchPreparation(
            provider.GetRequiredService<LocalConfigStore>(),
            new DeferredService<Configs.StartupRemoteCheck>(provider),
            provider.GetRequiredService<Core.Bindings.ConfigChooser>(),
            provider.GetRequiredService<Prompts>(),
            environment,
            console));
        services.AddTransient(provider => new Commands.RootCommand(
            provider.GetRequiredService<Launch.LaunchPreparation>(),
            provider.GetRequiredService<Launch.ClaudeProcess>()));
        services.AddTransient(provider => new Commands.Configs.ListCommand(provider.GetRequiredService<LocalConfigStore>(), console));
        services.AddTransient(provider => new Commands.Configs.ShowCommand(provider.GetRequiredService<LocalConfigStore>(), console));

        services.AddSingleton<Core.Encryption.IPassphraseSource, PassphrasePrompt>();
        services.AddSingleton<NewPassphrasePrompt>();
        services.AddSingleton(provider => new HomeLock(environment, provider.GetRequiredService<LocalConfigStore>()) { Notice = console.WarnOnSuccess });
        services.AddSingleton<RemoteStoreFactory>();
        services.AddSingleton<SyncTargetLoader>();
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<ISyncStateStore>(provider => provider.GetRequiredService<SyncStateStore>());
        services.AddSingleton(_ => new Core.ClaudeCode.ClaudeCodePaths(environment));
        services.AddSingleton<Core.ClaudeCode.ClaudeFolder>();
        services.AddSingleton(provider => new Core.ClaudeCode.MachineDocumentStore(
            provider.GetRequiredService<LocalConfigStore>(), provider.GetRequiredService<Core.ClaudeCode.ClaudeFolder>(), console.Warn));
        services.AddSingleton<ILocalDocumentStore>(provider => provider.GetRequiredService<Core.ClaudeCode.MachineDocumentStore>());
        services.AddSingleton<SyncWriter>();
        services.AddSingleton(_ => new Core.Teams.TeamStateStore(environment));
        services.AddSingleton(_ => new Core.Teams.MachineIdentityStore(environment));
        services.AddSingleton(provider => new Core.Teams.TeamTargets(provider.GetRequiredService<LocalConfigStore>(), provider.GetRequiredService<ProviderCatalog>(),
            provider.GetRequiredService<RemoteStoreFactory>(), provider.GetRequiredService<ISyncStateStore>(), provider.GetRequiredService<Core.Teams.TeamStateStore>(),
            provider.GetRequiredService<Core.Teams.MachineIdentityStore>(), claude: provider.GetRequiredService<Core.ClaudeCode.ClaudeFolder>(), warn: console.Warn));
        services.AddSingleton<Core.Teams.TeamClaudeItems>();
        services.AddTransient<MachineKeyPrinter>();
        services.AddSingleton(provider => new Core.Teams.TeamMembership(provider.GetRequiredService<Core.Teams.TeamTargets>(), provider.GetRequiredService<Core.Teams.TeamStateStore>(),
            provider.GetRequiredService<Core.Teams.MachineIdentityStore>(), provider.GetRequiredService<ISyncStateStore>()));
        services.AddSingleton(_ => new Core.Machines.MachineListStore(environment));
        services.AddSingleton(provider => new Core.Machines.MachineSeals(provider.GetRequiredService<Core.Machines.MachineListStore>(), provider.GetRequiredService<Core.Teams.MachineIdentityStore>()));
        services.AddSingleton(provider => new Core.Machines.MachineKeysMembership(provider.GetRequiredService<RemoteStoreFactory>(), provider.GetRequiredService<Core.Machines.MachineSeals>(),
            provider.GetRequiredService<Core.Machines.MachineListStore>(), provider.GetRequiredService<Core.Teams.MachineIdentityStore>(), provider.GetRequiredService<ISyncStateStore>(),
            provider.GetRequiredService<SyncWriter>()));
        services.AddSingleton<SyncEngine>();
        services.AddSingleton<Core.Diagnostics.LocalChecks>();
        services.AddSingleton<Core.Diagnostics.ServiceChecks>();
        services.AddSingleton<Core.Diagnostics.HealthChecks>();
        services.AddSingleton<Configs.ConfigChanges>();
        services.AddTransient<Commands.Setup.MachineKeysSetup>();
        services.AddTransient<Commands.Machines.MachineKeysSettings>();
        services.AddTransient<Commands.Setup.SetupWizard>();
        return services;
    }
}
