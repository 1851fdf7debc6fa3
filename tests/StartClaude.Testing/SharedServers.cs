namespace StartClaude.Testing;

/// <summary>
/// One moto_server of each kind per test assembly, started on first use (each test takes its own
/// bucket, so tests do not see each other's documents). Call <see cref="StopAsync"/> from a SetUpFixture.
/// </summary>
public static class SharedServers
{
    private static readonly Lazy<Task<MotoServer>> PlainMoto = new(() => MotoServer.StartAsync(verifySignatures: false));
    private static readonly Lazy<Task<MotoServer>> SigningMoto = new(() => MotoServer.StartAsync(verifySignatures: true));

    /// <summary>moto_server that accepts any credentials.</summary>
    public static Task<MotoServer> MotoAsync() => PlainMoto.Value;

    /// <summary>moto_server that checks every SigV4 signature against a real IAM access key.</summary>
    public static Task<MotoServer> SigningMotoAsync() => SigningMoto.Value;

    public static async Task StopAsync()
    {
        foreach (var lazy in new[] { PlainMoto, SigningMoto })
        {
            if (lazy.IsValueCreated)
                await (await lazy.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }
}
