using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("invite", Description = "Add a member by the key they send (age1… from 'start-claude team key', or an ssh-ed25519 public key); without --key, print what the new member runs.")]
internal sealed class TeamInviteCommand(TeamMembership membership, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "team", Description = "The team's name.")]
    [Required(ErrorMessage = "name the team: start-claude team invite TEAM --name NAME --key KEY")]
    public string Team { get; set; } = "";

    [Option("--name <MEMBER>", Description = "The new member's name on the list.")]
    public string? Name { get; set; }

    [Option("--key <KEY>", Description = "The new member's public key: age1… or 'ssh-ed25519 AAAA…'.")]
    public string? Key { get; set; }

    [Option("--admin", Description = "Make the new member an admin (may change the member list).")]
    public bool Admin { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        TeamNames.CheckTeam(Team);
        if (Key is null)
        {
            if (Name is not null)
                throw new UsageException($"--name needs --key: the new member's public key (they print it with start-claude team key)");
            console.Plain($"To invite someone to team {Team}:");
            console.Plain("  1. They set up sync with this bucket (start-claude s3-setup, with an object of their own for their personal document, e.g. --key THEIR-NAME.json) and run: start-claude team key");
            console.Plain($"  2. You run: start-claude team invite {Team} --name THEIR-NAME --key WHAT-IT-PRINTED");
            console.Plain($"  3. They run what step 2 prints: start-claude team join {Team} --id TEAM-ID");
            return 0;
        }
        var name = TeamNames.CheckMember(Name ?? throw new UsageException("--key needs --name: the new member's name on the list"));
        if (!AgeRecipient.TryParse(Key, out var key))
            throw new UsageException(AgeRecipientProblem(Key));
        MembershipChange change;
        using (homeLock.Acquire())
            change = await membership.InviteAsync(Team, new TeamMember(name, key, Admin)).ConfigureAwait(false);
        console.Plain($"Invited {name} ({key.Fingerprint}{(Admin ? ", admin" : "")}) to team {Team}: its document is now encrypted to {change.After.Members.Count} members.");
        console.Plain($"{name} joins with: start-claude team join {Team} --id {change.Target.Seal.State.TeamId}");
        if (key.Text.StartsWith("ssh-ed25519 ", StringComparison.Ordinal))
            console.Plain($"{name} was added by an SSH key: stock age opens the team document with it (age -d -i ~/.ssh/id_ed25519). start-claude signs with its own machine key, so for {name} to write through start-claude, invite the key 'start-claude team key' prints on their machine.");
        return 0;
    }

    private static string AgeRecipientProblem(string text)
    {
        try
        {
            AgeRecipient.Parse(text);
            return "--key is not a public key";
        }
        catch (FormatException ex)
        {
            return $"--key: {ex.Message}";
        }
    }
}
