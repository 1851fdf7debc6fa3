namespace StartClaude.Core.Machines;

/// <summary>
/// What becomes of the passphrase key when the machine list changes: a new key sealed with a new passphrase,
/// or none (machines then join by approval only). The passphrase is a secret: never in <see cref="ToString"/>.
/// </summary>
public sealed class PassphraseReplacement
{
    private PassphraseReplacement(string? passphrase) => Passphrase = passphrase;

    /// <summary>The new passphrase; null when the passphrase key is dropped.</summary>
    public string? Passphrase { get; }

    public static PassphraseReplacement Drop { get; } = new(null);

    public static PassphraseReplacement With(string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        return new PassphraseReplacement(passphrase);
    }

    public override string ToString() => Passphrase is null ? "drop the passphrase key" : "a new passphrase";
}
