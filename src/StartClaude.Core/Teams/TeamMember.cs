using StartClaude.Core.Encryption;

namespace StartClaude.Core.Teams;

/// <summary>One person (or machine) on a member list: a name, the public key documents are encrypted to and signed with, and whether they may change the list.</summary>
public sealed record TeamMember(string Name, AgeRecipient Key, bool Admin)
{
    /// <summary>The member's line in a signed member list (<see cref="MemberListEntry.Statement"/>).</summary>
    internal string StatementLine => $"member {(Admin ? "admin" : "member")} {Name} {Key.Text}";
}
