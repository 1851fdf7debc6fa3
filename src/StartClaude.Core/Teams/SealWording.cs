namespace StartClaude.Core.Teams;

/// <summary>
/// The words <see cref="TeamSeal"/> uses for what it seals and what to do when it refuses: a team document's
/// by default; a personal remote on machine keys (<see cref="Machines.MachineKeys"/>) has its own.
/// </summary>
/// <param name="Where">What the document is, as the start of a sentence ("team acme's document").</param>
/// <param name="VersionWhere">What an older version of it is, as the start of a sentence.</param>
/// <param name="NotOnList">Why this machine may not write: its key is not on the list it last saw.</param>
/// <param name="UnsignedFix">What to do about a document that carries no signature.</param>
/// <param name="NotRecipientFix">What to do when the document is not encrypted to this machine's key (given its recipient).</param>
/// <param name="RollbackFix">What to do about an older signed version put back.</param>
/// <param name="CatchUp">The command that brings this machine's list up to date.</param>
/// <param name="Stale">The whole refusal to write over a document under a list this machine has not seen (given that list's short id).</param>
public sealed record SealWording(string Where, string VersionWhere, string NotOnList, string UnsignedFix, Func<string, string> NotRecipientFix, string RollbackFix,
    string CatchUp, Func<string, string> Stale)
{
    /// <summary>A team document's words (the team commands').</summary>
    public static SealWording Team(string team) => new(
        $"team {team}'s document",
        "that version of the team's document",
        $"team {team}'s member list as this machine last saw it (an admin may have removed it)",
        $"A member can write the team's current state over it: start-claude team sync {team} --replace",
        recipient => $"this machine is not, or no longer, a member (or someone without a member's key wrote it: 'start-claude team members {team}' on a member's machine tells). An admin can add this machine: start-claude team invite {team} --name NAME --key {recipient}; to forget the team here: start-claude team leave {team}",
        $"A member can write the team's current state over it: start-claude team sync {team} --replace",
        $"start-claude team sync {team}",
        id => $"the bucket's team {team} document was written under a member list this machine has not seen ({id}…): this machine's list is stale. Catch up with start-claude team sync {team} (if that says this machine is no longer a member, ask an admin); nothing was written");
}
