using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>
/// A machine list changed: the versions before and after, the list's id (what a machine added pins with --machines-id), what
/// became of the passphrase key, and whether a new passphrase went unchecked against the one in use (KEY.keys.age gone or damaged).
/// </summary>
public sealed record MachineListChange(MemberListEntry Before, MemberListEntry After, string ListId, PassphraseKeyOutcome Passphrase = PassphraseKeyOutcome.Unchanged, bool NewPassphraseUnchecked = false);
