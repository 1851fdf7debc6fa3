namespace StartClaude.Core.Machines;

/// <summary>
/// A change of the machine list that replaces the passphrase key: with what (null: nothing given yet, refused when
/// the list holds one), how scrypt runs, and whether a list without one gets one (a passphrase change does).
/// </summary>
internal sealed record PassphraseKeyChange(PassphraseReplacement? Replacement, Func<Func<byte[]>, byte[]> WhileDeriving, bool AddWhenAbsent);
