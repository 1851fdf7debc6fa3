using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

[SetUpFixture]
public sealed class ServerLifetime
{
    [OneTimeTearDown]
    public Task StopServersAsync() => SharedServers.StopAsync();
}
