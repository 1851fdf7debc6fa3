using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.History;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("remove", Description = "Remove a member: in one conditional write the current document is re-encrypted without them; lists the secrets they could read and offers to delete the older versions.")]
internal sealed class TeamRemoveCommand(TeamMembership membership, HomeLock homeLock, Prompts prompts, ToolConsole console) : CommandBase
{
    private const string DeleteFlag = "--delete-old-versions";
    private const string KeepFlag = "--keep-old-versions";

    [Argument(0, "team", Description = "The team's name.")]
    [Required(ErrorMessage = "name the team and the member: start-claude team remove TEAM MEMBER")]
    public string Team { get; set; } = "";

    [Argument(1, "member", Description = "The member's name, as 'team members' lists it.")]
    [Required(ErrorMessage = "name the member to remove: start-claude team remove TEAM MEMBER")]
    public string Member { get; set; } = "";

    [Option(DeleteFlag, Description = "Delete every older version of the team document (those written while the member was in could be read by them) without asking.")]
    public bool DeleteOldVersions { get; set; }

    [Option(KeepFlag, Description = "Keep the older versions without asking.")]
    public bool KeepOldVersions { get; set; }

    public async Task<int> OnExecuteAsync()
    {
        TeamNames.CheckTeam(Team);
        if (DeleteOldVersions && KeepOldVersions)
            throw new UsageException($"{DeleteFlag} and {KeepFlag} contradict each other; give one");
        // Asked before anything is written, so a script learns of the missing answer with nothing done.
        if (!DeleteOldVersions && !KeepOldVersions && !prompts.CanAsk)
            throw new UsageException($"team remove asks whether to delete the older versions of the team document the member could read, and there is no terminal to ask: give {DeleteFlag} or {KeepFlag}");
        // Asked before the write too: a no, or Ctrl-C here, must leave the member list as it was.
        if (!DeleteOldVersions && !KeepOldVersions)
            DeleteOldVersions = prompts.Confirm(
                $"{Member} will be removed from team {Team}. Also delete the bucket's older versions of the team document for good ({Member} could read those written while in the team; s3-history loses them all)?", DeleteFlag, defaultValue: false);
        using var _ = homeLock.Acquire();
        var change = await membership.RemoveAsync(Team, Member).ConfigureAwait(false);
        console.Plain($"Removed {Member} from team {Team}: its current document is now encrypted to {change.After.Members.Count} member{(change.After.Members.Count == 1 ? "" : "s")} ({string.Join(", ", change.After.Members.Select(m => m.Name))}) and {Member}'s key no longer opens it.");
        var secrets = TeamSecrets.In(change.Document);
        if (secrets.Count > 0)
        {
            console.Plain($"{Member} could read these secrets; rotate them at their provider, then update the team's configs and MCP servers (here named {new Core.ClaudeCode.TeamClaudeNamespace(Team).McpPrefix}NAME):");
            foreach (var secret in secrets)
                console.Plain("  " + secret);
        }
        else
        {
            console.Plain($"The team's current document holds no API key, token or MCP secret.");
        }
        await OfferToDeleteOlderVersionsAsync(change).ConfigureAwait(false);
        return 0;
    }

    private async Task OfferToDeleteOlderVersionsAsync(MembershipChange change)
    {
        var versions = new RemoteVersionStore(change.Target.Store);
        IReadOnlyList<RemoteVersion> older;
        try
        {
            if (await versions.ReadVersioningAsync().ConfigureAwait(false) is VersioningState.Unsupported or VersioningState.Off)
                return;
            older = [.. (await versions.ListAsync(RemoteVersionStore.MaxVersions).ConfigureAwait(false)).Where(v => !v.IsLatest)];
        }
        catch (RemoteStoreException ex)
        {
            console.Warn($"could not list the older versions of the team document ({ex.Message}); {Member} may still read them");
            return;
        }
        if (older.Count == 0)
            return;
        if (!DeleteOldVersions)
        {
            console.Plain($"Kept {older.Count} older version{(older.Count == 1 ? "" : "s")}; {Member} can still read those written while in the team, with the bucket's credentials or a copy.");
            return;
        }
        var deleted = 0;
        foreach (var version in older)
        {
            try
            {
                await versions.DeleteAsync(version.VersionId).ConfigureAwait(false);
                deleted++;
            }
            catch (RemoteStoreException ex)
            {
                console.Warn($"could not delete version {TerminalTextOf(version.VersionId)} ({ex.Message})");
            }
        }
        console.Plain($"Deleted {deleted} of {older.Count} older version{(older.Count == 1 ? "" : "s")} of the team document.");
    }

    private static string TerminalTextOf(string text) => Core.Documents.TerminalText.Bounded(text, 40);
}
