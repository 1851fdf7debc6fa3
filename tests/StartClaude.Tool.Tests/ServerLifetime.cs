using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

[SetUpFixture]
public sealed class ServerLifetime
{
    [OneTimeTearDown]
    public Task StopServersAsync() => SharedServers.StopAsync();
}
