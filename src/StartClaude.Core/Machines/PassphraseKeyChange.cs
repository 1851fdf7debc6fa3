namespace StartClaude.Core.Machines;

/// <summary>
/// A change of the machine list that replaces the passphrase key: what with (asked only once the list read shows a
/// key to replace and the change itself holds, so a mistyped name is refused before anyone types a passphrase),
/// how scrypt runs, and whether a list without one gets one (a passphrase change does).
/// </summary>
internal sealed record PassphraseKeyChange(Func<PassphraseReplacement> Ask, Func<Func<byte[]>, byte[]> WhileDeriving, bool AddWhenAbsent);
