using StartClaude.Core.Teams;

namespace StartClaude.Core.Machines;

/// <summary>A machine list changed: the versions before and after, the list's id (what a machine added pins with --machines-id), and what became of the passphrase key.</summary>
public sealed record MachineListChange(MemberListEntry Before, MemberListEntry After, string ListId, PassphraseKeyOutcome Passphrase = PassphraseKeyOutcome.Unchanged);
