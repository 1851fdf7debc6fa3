using StartClaude.Testing;

namespace StartClaude.ProviderModules.Tests;

[SetUpFixture]
public sealed class ServerLifetime
{
    [OneTimeTearDown]
    public Task StopServersAsync() => SharedServers.StopAsync();
}
