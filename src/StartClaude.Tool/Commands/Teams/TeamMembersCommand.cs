using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Sync;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("members", Description = "List a team's members as its current document says: names, keys' fingerprints, admin or not, last write.")]
internal sealed class TeamMembersCommand(TeamTargets targets, MachineIdentityStore identities, ISyncStateStore states, ToolConsole console) : JsonCommandBase
{
    [Argument(0, "team", Description = "The team's name.")]
    [Required(ErrorMessage = "name the team: start-claude team members TEAM")]
    public string Team { get; set; } = "";

    public async Task<int> OnExecuteAsync()
    {
        var target = targets.Open(Team);
        // One conditional read: the list as the bucket holds it now, verified like any document (a 304 keeps the one known).
        var syncBase = states.ReadBaseChecked(target.Target.Settings).Base;
        _ = await RemoteSnapshot.ReadAsync(target.Target.Remote, target.Target.Codec, syncBase).ConfigureAwait(false);
        var state = target.Seal.State;
        var head = state.KnownMembers.Head;
        var me = identities.Existing()?.Recipient.Fingerprint;
        string LastWrite(TeamMember m) => state.Writes.TryGetValue(m.Key.Fingerprint, out var at) ? Times.Describe(at) : "never";
        if (Json)
        {
            var json = JsonOutput.Result("team members");
            json["team"] = Team;
            json["id"] = state.TeamId;
            json["membersId"] = state.KnownMembers.HeadId;
            json["version"] = head.Seq;
            json["members"] = MemberListJson.Of(state, me);
            console.WriteJson(json);
            return 0;
        }
        console.Plain($"Team {Team} (id {state.TeamId}), member list version {head.Seq}:");
        foreach (var member in head.Members)
            console.Plain($"  {member.Name,-20} {member.Key.Fingerprint,-28} {(member.Admin ? "admin " : "member")}  last write: {LastWrite(member)}{(member.Key.Fingerprint == me ? "  (this machine)" : "")}");
        return 0;
    }
}
