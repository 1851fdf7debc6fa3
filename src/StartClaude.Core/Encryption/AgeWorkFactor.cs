namespace StartClaude.Core.Encryption;

/// <summary>
/// The scrypt work factor of the documents this process encrypts: always age's 2^18 for users (no flag,
/// setting or environment variable reaches it). Only the test assemblies (InternalsVisibleTo) lower it,
/// because each 2^18 derivation costs about a second; interop tests with the real age scope it back up.
/// </summary>
internal static class AgeWorkFactor
{
    private static readonly AsyncLocal<int?> Scoped = new();
    private static int ProcessWide = AgeFile.DefaultWorkFactor;

    public static int ForNewFiles => Scoped.Value ?? Volatile.Read(ref ProcessWide);

    /// <summary>Test seam: every document this process encrypts from now on uses <paramref name="workFactor"/>.</summary>
    internal static void LowerForTests(int workFactor) => Volatile.Write(ref ProcessWide, workFactor);

    /// <summary>Test seam: the code that runs (and awaits) inside the returned scope uses <paramref name="workFactor"/>.</summary>
    internal static IDisposable Use(int workFactor)
    {
        var previous = Scoped.Value;
        Scoped.Value = workFactor;
        return new Restore(previous);
    }

    private sealed class Restore(int? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
