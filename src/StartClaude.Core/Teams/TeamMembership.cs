using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;
using StartClaude.Core.Sync;

namespace StartClaude.Core.Teams;

/// <summary>
/// Changes to who is in a team, each one conditional write of the team's current document: created under its
/// first member list, or re-encrypted under a new list signed by an admin of the one before. A member removed
/// cannot open what is written from then on.
/// </summary>
public sealed class TeamMembership(TeamTargets targets, TeamStateStore teams, MachineIdentityStore identities, ISyncStateStore states, TimeProvider? time = null)
{
    private const int Attempts = 5;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Creates team <paramref name="team"/> in the bucket with this machine as its one member and admin.</summary>
    /// <exception cref="TeamException">The bucket already holds a team of that name.</exception>
    public async Task<TeamState> CreateAsync(string team, string memberName, CancellationToken cancellationToken = default)
    {
        TeamNames.CheckTeam(team);
        TeamNames.CheckMember(memberName);
        if (teams.Read(team) is not null)
            throw new UsageException($"this machine is already in team {team}; 'start-claude team members {team}' lists its members");
        var identity = identities.GetOrCreate();
        var list = MemberList.Create(team, memberName, identity, _time.GetUtcNow());
        var target = targets.For(TeamState.Created(list), identity);
        var empty = ConfigDocument.CreateEmpty();
        try
        {
            await WriteAsync(target, empty, new WriteCondition.MustNotExist(), rememberBase: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed)
        {
            throw new TeamException($"the bucket already holds a team named {team} ({target.RemoteName}); choose another name, or ask its admin to invite this machine; nothing was changed");
        }
        return target.Seal.State;
    }

    /// <summary>
    /// Joins team <paramref name="team"/>, whose id an admin gave: its document must open with this machine's key,
    /// start its member list at that id and carry a current member's signature. Returns the team, ready to sync.
    /// </summary>
    public async Task<TeamTarget> JoinAsync(string team, string teamId, CancellationToken cancellationToken = default)
    {
        TeamNames.CheckTeam(team);
        if (teamId is not { Length: 64 } || !teamId.All(char.IsAsciiHexDigitLower))
            throw new UsageException("--id takes the team's id as its admin was shown it: 64 hex digits, in the line the admin's 'team invite' printed (team join NAME --id ...)");
        if (teams.Read(team) is { } joined)
            throw new UsageException(joined.TeamId == teamId
                ? $"this machine is already in team {team}; start-claude team sync {team} brings its configs here"
                : $"this machine is already in another team named {team}; nothing was changed");
        var identity = identities.GetOrCreate();
        var target = targets.For(TeamState.Joining(team, teamId), identity);
        _ = await RemoteSnapshot.ReadAsync(target.Target.Remote, target.Target.Codec, null, cancellationToken).ConfigureAwait(false)
            ?? throw new TeamException($"there is no team {team} in this machine's bucket ({target.RemoteName}): is this machine set up (s3-setup) for the bucket the team uses?");
        if (target.Seal.State.KnownMembers.Head.Find(identity.Recipient.Fingerprint) is null)
            throw new TeamException($"team {team}'s member list does not name this machine's key ({identity.Recipient.Fingerprint}); ask an admin to invite it");
        // A machine that left and joins again agreed nothing with the team since: a base kept from before would
        // read the configs leave removed here as deleted on purpose, and the join would delete them for everyone.
        states.ForgetBase(target.Target.Settings);
        return target;
    }

    /// <summary>Adds a member (by their age1… recipient or ssh-ed25519 key); this machine must be an admin.</summary>
    public Task<MembershipChange> InviteAsync(string team, TeamMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        TeamNames.CheckMember(member.Name);
        return ChangeAsync(team, head =>
        {
            if (head.Named(member.Name) is { } named)
                throw new UsageException($"team {team} already has a member named {member.Name} ({named.Key.Fingerprint}); choose another name, or remove them first");
            if (head.Find(member.Key.Fingerprint) is { } same)
                throw new UsageException($"that key ({member.Key.Fingerprint}) is already team {team}'s member {same.Name}; nothing was changed");
            return [.. head.Members, member];
        }, cancellationToken);
    }

    /// <summary>Removes a member: the current document re-encrypted without them, in one conditional write.</summary>
    public Task<MembershipChange> RemoveAsync(string team, string memberName, CancellationToken cancellationToken = default) =>
        ChangeAsync(team, head =>
        {
            var leaving = head.Named(memberName)
                ?? throw new UsageException($"team {team} has no member named {TerminalText.Bounded(memberName)}; 'start-claude team members {team}' lists them");
            // Every machine applies only a document signed by a member of its own list: one signed by the member it removes is refused everywhere.
            if (identities.Existing()?.Recipient.Fingerprint == leaving.Key.Fingerprint)
                throw new UsageException($"{leaving.Name} is this machine's key, and a member list is signed by one of its own members: another admin removes {leaving.Name} (start-claude team remove {team} {leaving.Name} on their machine); nothing was changed");
            var rest = head.Members.Where(m => m != leaving).ToList();
            if (rest.Count == 0)
                throw new UsageException($"{leaving.Name} is team {team}'s last member; a team cannot be left empty (delete its document from the bucket instead); nothing was changed");
            if (!rest.Any(m => m.Admin))
                throw new UsageException($"{leaving.Name} is team {team}'s last admin; a team keeps at least one: invite another admin first (start-claude team invite {team} --name NAME --key KEY --admin); nothing was changed");
            return rest;
        }, cancellationToken);

    private async Task<MembershipChange> ChangeAsync(string team, Func<MemberListEntry, IReadOnlyList<TeamMember>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var target = targets.Open(team);
            var syncBase = states.ReadBaseChecked(target.Target.Settings).Base;
            var current = await RemoteSnapshot.ReadAsync(target.Target.Remote, target.Target.Codec, syncBase, cancellationToken).ConfigureAwait(false)
                ?? throw new TeamException($"team {team}'s document is not in the bucket ({target.RemoteName}); nothing was changed");
            var before = target.Seal.State.KnownMembers;
            var identity = identities.Existing() ?? throw new InvalidOperationException("an open team target has an identity");
            var after = before.Append(change(before.Head), identity, _time.GetUtcNow());
            target.Seal.NewMembers = after;
            try
            {
                // Only when the remote still was the base does the base move with it; otherwise the next sync merges as usual.
                await WriteAsync(target, current.Document, WriteCondition.From(current.Info), rememberBase: !current.Downloaded, cancellationToken).ConfigureAwait(false);
                return new MembershipChange(before.Head, after.Head, current.Document, target);
            }
            catch (RemoteStoreException ex) when (ex.Kind == RemoteFailureKind.PreconditionFailed && attempt < Attempts)
            {
                // Another member wrote meanwhile: read their version (and its list) and change that.
            }
        }
    }

    private async Task WriteAsync(TeamTarget target, ConfigDocument document, WriteCondition condition, bool rememberBase, CancellationToken cancellationToken)
    {
        var writer = new SyncWriter(target.View, states);
        var honours = await writer.ConditionalWritesAsync(target.Target, cancellationToken).ConfigureAwait(false);
        var encoded = target.Target.Codec.Encode(document);
        var etag = await target.Target.Remote.WriteAsync(encoded.Body, condition, honours, cancellationToken,
            WriterLabel.For(document, target.View.Read()) with { Seal = encoded.Metadata }).ConfigureAwait(false);
        target.Target.Codec.Written(encoded);
        if (rememberBase)
            states.SaveBase(target.Target.Settings, document, new RemoteObjectInfo(encoded.Body.Length, _time.GetUtcNow(), etag), writtenHere: true);
    }
}

/// <summary>A member list changed: the lists before and after, and the document now encrypted to the one after.</summary>
public sealed record MembershipChange(MemberListEntry Before, MemberListEntry After, ConfigDocument Document, TeamTarget Target);
