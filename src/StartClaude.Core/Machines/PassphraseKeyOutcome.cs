namespace StartClaude.Core.Machines;

/// <summary>What a change of the machine list did to the passphrase key.</summary>
public enum PassphraseKeyOutcome
{
    /// <summary>The list holds none, or holds the one it held.</summary>
    Unchanged,

    /// <summary>A new passphrase key is on the list and its secret, under the new passphrase, in <c>KEY.keys.age</c>.</summary>
    Replaced,

    /// <summary>No passphrase key is on the list any more; <c>KEY.keys.age</c> was deleted.</summary>
    Dropped,
}
