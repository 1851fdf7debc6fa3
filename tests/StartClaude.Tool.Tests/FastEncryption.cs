using StartClaude.Core.Encryption;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Every document these tests encrypt uses scrypt 2^10 instead of age's 2^18 (milliseconds instead of a
/// second each). The interop tests with the real age command scope 2^18 back in (<see cref="AgeWorkFactor.Use"/>).
/// </summary>
[SetUpFixture]
public sealed class FastEncryption
{
    public const int TestWorkFactor = 10;

    [OneTimeSetUp]
    public void LowerTheScryptWorkFactor() => AgeWorkFactor.LowerForTests(TestWorkFactor);
}
