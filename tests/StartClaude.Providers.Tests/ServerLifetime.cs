using StartClaude.Testing;

namespace StartClaude.Providers.Tests;

[SetUpFixture]
public sealed class ServerLifetime
{
    [OneTimeTearDown]
    public Task StopServersAsync() => SharedServers.StopAsync();
}
