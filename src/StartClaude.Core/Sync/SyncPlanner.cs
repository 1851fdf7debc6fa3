using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Sync;

/// <summary>
/// The one place sync decisions are made (docs/sync.md has the table). Pure: a request, the documents
/// and the answers so far in; a <see cref="SyncDecision"/> out; nothing read or written. Local L, remote
/// R and base B (the last agreed document):
/// <list type="table">
/// <item>L = B, R = B: nothing to do.</item>
/// <item>L changed, R = B: upload. L = B, R changed: download.</item>
/// <item>Both changed: merge per config and settings key against B; what changed differently on both sides is a conflict.</item>
/// <item>No B, no local configs: download. No remote: upload.</item>
/// <item>No B, both hold configs: the same merge against an empty base (one-sided configs kept, equal ones joined).</item>
/// <item>R emptied (every config B had deleted), or not a config document: asked. R back at a state agreed before B: asked.</item>
/// </list>
/// Every input is first held to the document rules (<see cref="DocumentInvariants"/>), and so is every result.
/// </summary>
public static class SyncPlanner
{
    private const string LocalOrigin = "config.json";
    private const string RemoteOrigin = "the remote document";

    /// <summary>Decides <paramref name="request"/> from <paramref name="inputs"/> and what was answered so far.</summary>
    public static SyncDecision Decide(SyncRequest request, SyncInputs inputs, SyncAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(answers);
        var warnings = new List<string>();
        var claudeRead = inputs.Local.HasClaudeSection;
        var original = inputs.Local;
        inputs = inputs with { Local = ClaudeView(inputs) };
        var local = Held(inputs.Local, LocalOrigin, warnings);
        var context = new Context(inputs, answers, local, warnings) { ClaudeRead = claudeRead, AsRead = original };
        return request.Match(
            _ => TwoWay(context),
            join => Join(context, join),
            upload => Upload(context, upload.Force),
            download => Download(context, download.Mode),
            restore => Restore(context, restore));
    }

    private sealed record Context(SyncInputs Inputs, SyncAnswers Answers, ConfigDocument Local, List<string> Warnings)
    {
        /// <summary>Whether this machine's Claude Code files were read (only then does it carry any).</summary>
        public bool ClaudeRead { get; init; }

        /// <summary>This machine's document as read: its Claude Code items only as they are on disk, none filled in from the base or remote.</summary>
        public required ConfigDocument AsRead { get; init; }

        /// <summary>What this machine carries of its Claude Code setup: nothing unless its files were read (parsed once a decision).</summary>
        public ClaudeChoice Claude => _claude ??= ClaudeRead ? Local.ClaudeChoice : ClaudeChoice.None;

        private ClaudeChoice? _claude;

        public ConfigDocument Shared { get; } = SharedDocument.FromLocal(Local);
    }

    private static SyncDecision TwoWay(Context c)
    {
        var (inputs, answers, local, warnings) = c;
        var shared = c.Shared;
        var empty = ConfigDocument.CreateEmpty();
        if (inputs.Remote is not { } remote)
        {
            if (!shared.HasLiveConfigs && shared.SharesContentWith(empty))
                return Done(Finish(c, SyncState.NoRemoteDocument, "there is nothing to sync yet: no configs here and no remote document", local));
            var reason = inputs.Base is { Document.HasLiveConfigs: true }
                ? "the remote document is gone (it was there at the last sync); this machine's configs are uploaded again"
                : "there is no remote document yet";
            return Done(Finish(c, SyncState.NoRemoteDocument, reason, local) with { LocalChanges = DocumentDifference.Between(shared, inputs.Base?.Document ?? empty) });
        }

        var remoteDocument = Held(remote.Document, RemoteOrigin, warnings);
        var baseDocument = inputs.Base is { } known ? DocumentInvariants.Repair(known.Document, "the base").Document : null;
        if (shared.SharesContentWith(remoteDocument))
            return Done(InSync(c));
        // A remote that is applied here must not clash with a local-only config (one that is only replaced may).
        var applied = baseDocument is null || remoteDocument.SharedContentHash() != baseDocument.SharedContentHash();
        if (applied && SharedDocument.Clash(remoteDocument, local) is { } clash)
            return new SyncDecision.Refuse(clash, ExitCodes.Conflict, Preview(c, SyncState.BothChanged, "a remote config clashes with a local-only one", null, null, null));

        var difference = DocumentDifference.Between(shared, remoteDocument);
        if (baseDocument is null)
        {
            var (here, there) = Sides(difference);
            if (!HoldsAnything(c))
                return Done(Finish(c, SyncState.DifferNeverSynced, "there are no configs here, so the remote ones are taken", SharedDocument.ApplyToLocal(remoteDocument, local)) with
                {
                    LocalChanges = here, RemoteChanges = there, Difference = difference,
                });
            return Merge(c, SyncState.DifferNeverSynced, "never synced from here: merged per config (a config on one side only is kept, equal ones are joined)",
                null, remoteDocument, here, there, difference);
        }

        var baseHash = baseDocument.SharedContentHash();
        var remoteHash = remoteDocument.SharedContentHash();
        var localChanged = shared.SharedContentHash() != baseHash;
        var remoteChanged = remoteHash != baseHash;
        var localChanges = localChanged ? DocumentDifference.Between(shared, baseDocument) : null;
        var remoteChanges = remoteChanged ? DocumentDifference.Between(remoteDocument, baseDocument) : null;

        if (localChanged && LocalClaudeItemsGone(c, baseDocument, shared) is { } gone)
            return new SyncDecision.Refuse(gone, ExitCodes.Conflict, Preview(c, SyncState.LocalChanges, "this machine's Claude Code items are all gone", localChanges, remoteChanges, difference));
        if (remoteChanged && inputs.Base!.WentBackTo(remoteHash, remote.Info) is not null
            && Guard(c, new SyncQuestion.RemoteWentBack(WentBackWhy), WentBackWhy, answers.RemoteWentBack, SyncState.LocalChanges,
                "the remote document had gone back to an earlier state; this machine's configs were written again", localChanges, remoteChanges, difference) is { } wentBack)
            return wentBack;
        if (remoteChanged && Emptied(baseDocument, shared, remote.Document, remoteDocument, c.Claude) is { } emptied
            && Guard(c, new SyncQuestion.EmptiedRemote(emptied), emptied, answers.EmptiedRemote, SyncState.BothChanged,
                "kept this machine's configs; the emptied remote document is replaced", localChanges, remoteChanges, difference) is { } guarded)
            return guarded;

        return (localChanged, remoteChanged) switch
        {
            (true, false) => Done(Finish(c, SyncState.LocalChanges, "only this machine changed", local) with
            {
                LocalChanges = localChanges, Difference = difference,
            }),
            (false, true) => Done(Finish(c, SyncState.RemoteChanges, "only the remote document changed", SharedDocument.ApplyToLocal(remoteDocument, local)) with
            {
                RemoteChanges = remoteChanges, Difference = difference,
            }),
            (true, true) => Merge(c, SyncState.BothChanged, "both sides changed", baseDocument, remoteDocument, localChanges, remoteChanges, difference),
            _ => Done(InSync(c)),
        };
    }

    private static SyncDecision Join(Context c, SyncRequest.Join join)
    {
        var (inputs, answers, local, _) = c;
        var decision = JoinDecision(c);
        // Setup always saves this machine's settings; a change of form rewrites the remote even when its content stays.
        return decision.Match<SyncDecision>(
            done => Done(Rewritten(done.Plan with { WritesLocal = true }, inputs, join.RewriteRemote)),
            ask => ask,
            refuse => refuse);

        SyncDecision JoinDecision(Context c)
        {
            if (inputs.Remote is not { } remote)
            {
                return Done(Finish(c, SyncState.NoRemoteDocument, "there is no remote document yet", local) with
                {
                    Condition = null, Upload = null, Agreed = null, Outcome = SyncOutcome.NothingToDo,
                });
            }
            var remoteDocument = Held(remote.Document, RemoteOrigin, c.Warnings);
            if (c.Shared.SharesContentWith(remoteDocument) || !HoldsAnything(c))
                return TwoWay(c);
            var difference = DocumentDifference.Between(c.Shared, remoteDocument);
            var emptied = inputs.Base is { } known ? Emptied(known.Document, c.Shared, remote.Document, remoteDocument, c.Claude) : null;
            return answers.Join switch
            {
                null => new SyncDecision.Ask(new SyncQuestion.JoinChoice(difference, emptied),
                    Preview(c, inputs.Base is null ? SyncState.DifferNeverSynced : SyncState.BothChanged, "local and remote configs differ", null, null, difference)),
                JoinMode.Merge => TwoWay(c),
                JoinMode.Upload => Done(Finish(c, SyncState.LocalChanges, "this machine's configs replaced the remote ones", local) with { Difference = difference }),
                JoinMode.Download => Done(Finish(c, SyncState.RemoteChanges, "the remote configs replaced this machine's", SharedDocument.ApplyToLocal(remoteDocument, local)) with { Difference = difference }),
                _ => Done(Left(c, "local and remote configs differ and were left as they are", difference)),
            };
        }
    }

    // Neither side's configs change: the local document is saved (settings), the remote is not written, and no
    // Claude Code file is written here (the view's items filled in from the remote stay out).
    private static SyncPlan Left(Context c, string reason, DocumentDifference? difference) =>
        new(SyncState.BothChanged, SyncOutcome.NothingToDo, reason, Held(c.AsRead, LocalOrigin, []))
        {
            Difference = difference,
            ConditionalWrites = c.Inputs.ConditionalWrites,
            Warnings = c.Warnings,
        };

    private static SyncPlan Rewritten(SyncPlan plan, SyncInputs inputs, bool rewrite)
    {
        if (!rewrite || plan.WritesRemote || inputs.Remote is not { } remote)
            return plan;
        var agreed = plan.Agreed is { } a && a.SharesContentWith(remote.Document) ? a : null;
        return plan with
        {
            Upload = plan.Agreed ?? remote.Document,
            Agreed = agreed ?? plan.Agreed,
            Condition = Condition(inputs),
            Outcome = plan.Outcome == SyncOutcome.NothingToDo ? SyncOutcome.Uploaded : plan.Outcome,
        };
    }

    private static SyncDecision Upload(Context c, bool force)
    {
        var (inputs, _, local, _) = c;
        WriteCondition condition = force ? new WriteCondition.Unconditional()
            : inputs.Remote is not null ? Condition(inputs)
            : inputs.Base?.ETag is { } etag ? new WriteCondition.MustMatch(etag)
            : new WriteCondition.MustNotExist();
        var plan = new SyncPlan(SyncState.LocalChanges, SyncOutcome.Uploaded, "uploaded as asked", local)
        {
            Upload = c.Shared,
            Agreed = c.Shared,
            Condition = condition,
            ConditionalWrites = inputs.ConditionalWrites || force,
            WritesLocal = WritesLocal(local, inputs),
            Warnings = c.Warnings,
        };
        if (!force && !c.Shared.HasLiveConfigs && inputs.Remote?.Document.LiveConfigs.Count is > 0 and var count)
            return new SyncDecision.Refuse($"there are no configs here; uploading would delete the {count} config{(count == 1 ? "" : "s")} in the remote document. Pass --force to do it anyway, or run start-claude s3-download",
                ExitCodes.Conflict, plan with { Condition = null, Upload = null, Agreed = null });
        return Done(plan);
    }

    private static SyncDecision Download(Context c, DownloadMode mode)
    {
        var (inputs, answers, local, warnings) = c;
        var remote = inputs.Remote ?? throw new ArgumentException("a download needs the remote document", nameof(c));
        var remoteDocument = Held(remote.Document, RemoteOrigin, warnings);
        if (SharedDocument.Clash(remoteDocument, local) is { } clash)
            return new SyncDecision.Refuse(clash, ExitCodes.Conflict, Preview(c, SyncState.BothChanged, "a remote config clashes with a local-only one", null, null, null));
        var difference = DocumentDifference.Between(c.Shared, remoteDocument);
        var two = TwoWay(c with { Answers = SyncAnswers.None }).Standing;
        SyncPlan Local(SyncState state, string reason, ConfigDocument result, DocumentDifference? remoteChanges) =>
            new(state, result.SharesContentWith(local) ? SyncOutcome.NothingToDo : SyncOutcome.Downloaded, reason, result)
            {
                Agreed = remoteDocument,
                RemoteChanges = remoteChanges,
                Difference = difference,
                ConditionalWrites = inputs.ConditionalWrites,
                WritesLocal = WritesLocal(result, inputs),
                Warnings = warnings,
            };

        if (c.Shared.SharesContentWith(remoteDocument))
            return Done(Local(SyncState.InSync, "already up to date", local, null));
        var taken = Joined(c, SharedDocument.ApplyToLocal(remoteDocument, local));
        var chosen = mode == DownloadMode.Plain ? answers.Download ?? DownloadMode.Plain : mode;
        if (chosen == DownloadMode.Replace)
            return Done(Local(two.State, "replaced the local configs with the remote ones", taken, two.RemoteChanges));
        if (chosen == DownloadMode.Plain && two.State != SyncState.RemoteChanges && HoldsAnything(c))
            return new SyncDecision.Ask(new SyncQuestion.DownloadChoice("there are local configs that differ from the remote ones", difference),
                Local(two.State, "local configs changed too", local, two.RemoteChanges));
        // Only -f takes an emptied remote: neither taking it plainly nor merging with it (which deletes what it deleted).
        var emptied = inputs.Base is { } known ? Emptied(known.Document, c.Shared, remote.Document, remoteDocument, c.Claude) : null;
        if (emptied is not null && answers.EmptiedRemote != ConflictSide.Remote)
        {
            return answers.EmptiedRemote is null
                ? new SyncDecision.Ask(new SyncQuestion.EmptiedRemote(emptied), Local(two.State, emptied, local, two.RemoteChanges))
                : new SyncDecision.Refuse($"{emptied}; nothing was changed", ExitCodes.Conflict, Local(two.State, emptied, local, two.RemoteChanges));
        }
        if (chosen == DownloadMode.Plain)
            return Done(Local(two.State, "nothing changed here since the last sync, so the remote document was taken", taken, two.RemoteChanges));

        // Merge: the same merge as s3-sync, the remote deciding conflicts, written here only. The remote
        // document becomes the base, so the next s3-sync uploads what only this machine has.
        var merged = SharedDocument.ApplyToLocal(ThreeWayMerge.Merge(inputs.Base?.Document, c.Shared, remoteDocument).Resolve(_ => ConflictSide.Remote), local);
        var held = Held(merged, "the merge", warnings);
        return Done(Local(two.State, "merged: configs here are kept, the remote wins where both changed", held, two.RemoteChanges) with
        {
            Outcome = held.SharesContentWith(local) ? SyncOutcome.NothingToDo : SyncOutcome.Merged,
        });
    }

    private static SyncDecision Restore(Context c, SyncRequest.Restore restore)
    {
        var (inputs, answers, local, warnings) = c;
        var version = Held(restore.Version, $"version {restore.VersionId}", warnings);
        var current = inputs.Remote?.Document ?? ConfigDocument.CreateEmpty();
        if (SharedDocument.Clash(version, local) is { } clash)
            return new SyncDecision.Refuse(clash, ExitCodes.Conflict, Preview(c, SyncState.BothChanged, "a config of the version clashes with a local-only one", null, null, null));
        var restoredHere = SharedDocument.ApplyToLocal(version, local);
        var remoteChanges = DocumentDifference.Between(version, current);
        var localChanges = DocumentDifference.Between(SharedDocument.FromLocal(restoredHere), c.Shared);
        var preview = new SyncPlan(SyncState.BothChanged, SyncOutcome.Merged, $"restore version {restore.VersionId}", local)
        {
            LocalChanges = localChanges,
            RemoteChanges = remoteChanges,
            ConditionalWrites = inputs.ConditionalWrites,
            Warnings = warnings,
        };
        if (remoteChanges.IsEmpty && localChanges.IsEmpty)
            return Done(preview with { State = SyncState.InSync, Outcome = SyncOutcome.NothingToDo, Reason = $"version {restore.VersionId} says the same as the current document and the configs here" });

        // A version with no configs deletes every config everywhere: the same guard as an emptied remote.
        var liveNow = Math.Max(current.LiveConfigs.Count, c.Shared.LiveConfigs.Count);
        if ((!version.HasConfigList || !version.HasLiveConfigs) && liveNow > 0 && answers.EmptiedRemote != ConflictSide.Remote)
        {
            var why = version.HasConfigList
                ? $"version {restore.VersionId} holds no configs: restoring it deletes all {liveNow} here and on the remote"
                : $"version {restore.VersionId} is not a config document (it has no \"configs\" list)";
            return answers.EmptiedRemote is null
                ? new SyncDecision.Ask(new SyncQuestion.EmptiedRemote(why), preview)
                : new SyncDecision.Refuse($"{why}; nothing was restored", ExitCodes.Conflict, preview);
        }

        // Stamped, so devices that agreed on the old state see a new one (not a rollback to ask about).
        var stamped = version.WithField("restoredFrom", new System.Text.Json.Nodes.JsonObject
        {
            ["versionId"] = restore.VersionId,
            ["at"] = restore.RestoredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
        var result = Held(SharedDocument.ApplyToLocal(stamped, local), "the restored document", warnings);
        return Done(preview with
        {
            Reason = $"restored version {restore.VersionId}",
            Result = result,
            Upload = SharedDocument.FromLocal(result),
            Agreed = SharedDocument.FromLocal(result),
            Condition = Condition(inputs),
            WritesLocal = true,
        });
    }

    // In step; but a Claude Code kind newly chosen here takes the document's items of that kind onto this machine: said, item by item.
    private static SyncPlan InSync(Context c)
    {
        var plan = Finish(c, SyncState.InSync, "local and remote are the same", c.Local);
        if (!c.ClaudeRead || !plan.WritesLocal)
            return plan;
        var arriving = DocumentDifference.Between(plan.Result, c.AsRead).Items.Where(i => i.Local is not null && c.Claude.Carries(i.Id)).ToList();
        return arriving.Count == 0 ? plan : plan with
        {
            Reason = "local and remote are the same; the Claude Code items of the kinds newly chosen here were taken from the document",
            RemoteChanges = new DocumentDifference([], [], [], false) { Items = arriving },
        };
    }

    /// <summary>The result with every Claude Code kind this machine carries marked joined: from now on a file it lacks is one it deleted.</summary>
    private static ConfigDocument Joined(Context c, ConfigDocument result)
    {
        if (c.Claude is not { IsEmpty: false } choice || choice.Joined.Count == choice.Kinds.Count || result.S3Sync is null)
            return result;
        return result.WithClaudeChoice(choice.AllJoined());
    }

    /// <summary>Whether this machine has anything of its own to share: a live config, or a Claude Code item it carries.</summary>
    private static bool HoldsAnything(Context c) =>
        c.Shared.HasLiveConfigs || ClaudeSection.LiveIds(c.Shared.ClaudeSection).Any(c.Claude.Carries);

    /// <summary>
    /// This machine's document with its Claude Code items as the planner compares them
    /// (<see cref="ClaudeSection.LocalView"/>). Only a document whose files were read (it has the section,
    /// maybe empty) carries any: one read without them changes no item.
    /// </summary>
    private static ConfigDocument ClaudeView(SyncInputs inputs)
    {
        var local = inputs.Local;
        var choice = local.HasClaudeSection ? local.ClaudeChoice : ClaudeChoice.None;
        var view = ClaudeSection.LocalView(local.ClaudeSection, inputs.Base?.Document.ClaudeSection, inputs.Remote?.Document.ClaudeSection, choice);
        return view is null && !local.HasClaudeSection ? local : local.WithClaudeSection(view);
    }

    private static ConfigDocument Held(ConfigDocument document, string origin, List<string> warnings)
    {
        var repair = DocumentInvariants.Repair(document, origin);
        if (repair.Warning is { } warning)
            warnings.Add(warning);
        return repair.Document;
    }

    // With no base, each side's changes are what it holds that the other does not (or holds otherwise).
    private static (DocumentDifference Here, DocumentDifference There) Sides(DocumentDifference d) => d.Sides();

    private const string WentBackWhy = "the remote document is back at a state agreed before the last sync, as the same object: this machine's last write did not stay (a cache or proxy that answered for the service?), or another device wrote that earlier state back";

    // A remote change the rules must not apply unanswered: asked; answered 'local', this machine's document
    // is written again (the remote taken as still holding the base); answered 'remote', the rules go on (null).
    private static SyncDecision? Guard(Context c, SyncQuestion question, string why, ConflictSide? answer, SyncState keptState, string keptReason,
        DocumentDifference? localChanges, DocumentDifference? remoteChanges, DocumentDifference? difference) => answer switch
    {
        null => new SyncDecision.Ask(question, Preview(c, SyncState.RemoteChanges, why, localChanges, remoteChanges, difference)),
        // The remote's changes lost: they are not reported as changes.
        ConflictSide.Local => Done(Finish(c, keptState, keptReason, c.Local) with { LocalChanges = localChanges, Difference = difference }),
        _ => null,
    };

    private static string? Emptied(ConfigDocument baseDocument, ConfigDocument local, ConfigDocument rawRemote, ConfigDocument remote, ClaudeChoice choice) =>
        ConfigsEmptied(baseDocument, local, rawRemote, remote) ?? ClaudeItemsEmptied(baseDocument, local, remote, choice);

    // The mirror of an emptied remote: every item of one kind of source (the files, the MCP servers, the settings keys) that
    // the base held live and this machine carries is gone here — a moved .claude.json, another CLAUDE_CONFIG_DIR — so
    // sending that as deletions is refused; s3-upload says it on purpose, s3-download -f takes them back.
    private static string? LocalClaudeItemsGone(Context c, ConfigDocument baseDocument, ConfigDocument shared)
    {
        var choice = c.Claude;
        if (choice.IsEmpty || baseDocument.ClaudeSection is null)
            return null;
        var here = ClaudeSection.LiveIds(shared.ClaudeSection).ToHashSet(StringComparer.Ordinal);
        foreach (var group in ClaudeSection.LiveIds(baseDocument.ClaudeSection).Where(id => choice.Carries(id) && choice.HasJoined(id))
                     .GroupBy(id => ClaudeSection.Split(id).Map))
        {
            // One item gone is an ordinary deletion (the only agent, removed); all of two or more at once is the sign.
            var agreed = group.ToList();
            if (agreed.Count < 2 || agreed.Any(here.Contains))
                continue;
            var what = group.Key switch
            {
                ClaudeSection.Files => "Claude Code files",
                ClaudeSection.McpServers => "MCP servers",
                _ => "chosen settings.json keys",
            };
            return $"none of the {agreed.Count} {what} the last sync agreed on {(agreed.Count == 1 ? "is" : "are")} here any more (was {(group.Key == ClaudeSection.Files ? "the Claude Code folder" : group.Key == ClaudeSection.McpServers ? ".claude.json" : "settings.json")} moved, or CLAUDE_CONFIG_DIR changed?), and sending that would delete {(agreed.Count == 1 ? "it" : "them")} on every machine; nothing was changed. To take {(agreed.Count == 1 ? "it" : "them")} back: {c.Inputs.Advice.TakeBack}; to delete {(agreed.Count == 1 ? "it" : "them")} everywhere on purpose: {c.Inputs.Advice.DeleteEverywhere}";
        }
        return null;
    }

    // Every Claude Code item this machine carries that the base held live is gone from the remote, while this machine still has some.
    private static string? ClaudeItemsEmptied(ConfigDocument baseDocument, ConfigDocument local, ConfigDocument remote, ClaudeChoice choice)
    {
        if (choice.IsEmpty || baseDocument.ClaudeSection is null)
            return null;
        var agreed = ClaudeSection.LiveIds(baseDocument.ClaudeSection).Where(choice.Carries).ToList();
        if (agreed.Count == 0)
            return null;
        var remoteLive = ClaudeSection.LiveIds(remote.ClaudeSection).ToHashSet(StringComparer.Ordinal);
        var localLive = ClaudeSection.LiveIds(local.ClaudeSection).ToHashSet(StringComparer.Ordinal);
        return agreed.Any(remoteLive.Contains) || !agreed.Any(localLive.Contains)
            ? null
            : $"the remote document holds none of the {agreed.Count} Claude Code item{(agreed.Count == 1 ? "" : "s")} this machine keeps in step (files, MCP servers, settings) agreed at the last sync: another device deleted them all";
    }

    private static string? ConfigsEmptied(ConfigDocument baseDocument, ConfigDocument local, ConfigDocument rawRemote, ConfigDocument remote)
    {
        if (!local.HasLiveConfigs)
            return null;
        if (!rawRemote.HasConfigList)
            return "the remote document is not a config document (it has no \"configs\" list)";
        var count = baseDocument.LiveConfigs.Count;
        return count > 0 && !remote.HasLiveConfigs
            ? $"the remote document holds no configs any more: another device deleted all {count} agreed at the last sync"
            : null;
    }

    private static SyncDecision Merge(Context c, SyncState state, string reason, ConfigDocument? baseDocument, ConfigDocument remote,
        DocumentDifference? localChanges, DocumentDifference? remoteChanges, DocumentDifference? difference)
    {
        var merge = ThreeWayMerge.Merge(baseDocument, c.Shared, remote);
        if (!merge.HasConflicts)
            return Done(Finish(c, state, reason, SharedDocument.ApplyToLocal(merge.Merged, c.Local)) with
            {
                LocalChanges = localChanges, RemoteChanges = remoteChanges, Difference = difference,
            });

        var open = merge.Conflicts.Where(conflict => !c.Answers.Conflicts.ContainsKey(conflict.Key)).ToList();
        if (open.Count > 0)
        {
            return new SyncDecision.Ask(new SyncQuestion.Conflicts(open),
                Preview(c, state, reason, localChanges, remoteChanges, difference) with { Conflicts = merge.Conflicts, Outcome = SyncOutcome.Merged });
        }
        var resolved = SharedDocument.ApplyToLocal(merge.Resolve(conflict => c.Answers.Conflicts[conflict.Key]), c.Local);
        // A side's change to a config that lost its conflict did not survive: it is not reported as a change.
        IReadOnlySet<string> Lost(ConflictSide winner) => merge.Conflicts
            .Where(conflict => c.Answers.Conflicts[conflict.Key] == winner)
            .SelectMany(conflict => new[] { conflict.Local, conflict.Remote })
            .Select(node => node is System.Text.Json.Nodes.JsonObject config ? new ConfigEntry(config).Name : null)
            .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Done(Finish(c, state, reason, resolved) with
        {
            LocalChanges = localChanges?.Without(Lost(ConflictSide.Remote)),
            RemoteChanges = remoteChanges?.Without(Lost(ConflictSide.Local)),
            Difference = difference,
            Conflicts = merge.Conflicts,
            Decisions = merge.Conflicts.ToDictionary(conflict => conflict.Key, conflict => c.Answers.Conflicts[conflict.Key], StringComparer.Ordinal),
        });
    }

    // Where things stand while a question is open: nothing decided, nothing to write.
    private static SyncPlan Preview(Context c, SyncState state, string reason, DocumentDifference? localChanges, DocumentDifference? remoteChanges, DocumentDifference? difference) =>
        new(state, SyncOutcome.NothingToDo, reason, c.Local)
        {
            LocalChanges = localChanges,
            RemoteChanges = remoteChanges,
            Difference = difference,
            ConditionalWrites = c.Inputs.ConditionalWrites,
            Warnings = c.Warnings,
        };

    /// <summary>Holds the result to the rules and derives what must be written where from what each side holds now.</summary>
    private static SyncPlan Finish(Context c, SyncState state, string reason, ConfigDocument result)
    {
        var inputs = c.Inputs;
        result = Joined(c, Held(result, "the merged document", c.Warnings));
        var shared = SharedDocument.FromLocal(result);
        var writesRemote = inputs.Remote is { } remote
            ? !shared.SharesContentWith(remote.Document)
            : result.HasLiveConfigs || !shared.SharesContentWith(ConfigDocument.CreateEmpty());
        var writesLocal = WritesLocal(result, inputs);
        var outcome = (writesRemote, writesLocal) switch
        {
            (true, true) => SyncOutcome.Merged,
            (true, false) => SyncOutcome.Uploaded,
            (false, true) => SyncOutcome.Downloaded,
            _ => SyncOutcome.NothingToDo,
        };
        if (state == SyncState.InSync && writesRemote)
            reason = "the remote document broke the document rules; the repaired document replaces it";
        return new SyncPlan(state, outcome, reason, result)
        {
            Upload = writesRemote ? shared : null,
            Agreed = shared,
            Condition = writesRemote ? Condition(inputs) : null,
            ConditionalWrites = inputs.ConditionalWrites,
            WritesLocal = writesLocal,
            Warnings = c.Warnings,
        };
    }

    private static bool WritesLocal(ConfigDocument result, SyncInputs inputs) =>
        !ReferenceEquals(result, inputs.Local) && !result.CanonicalJson().Equals(inputs.Local.CanonicalJson(), StringComparison.Ordinal);

    // A merged document must be one this tool accepts when it reads it back: a file here and a folder of the
    // same path on the remote would make every later sync refuse it.
    private static SyncDecision Done(SyncPlan plan)
    {
        if (plan.Upload is { } upload && upload.HasClaudeSection)
        {
            try
            {
                ClaudeSection.Check(upload.Root, "the merged document");
            }
            catch (DocumentFormatException ex)
            {
                return new SyncDecision.Refuse($"{ex.Message}: rename one of them on this machine, then sync again", ExitCodes.Conflict,
                    plan with { Condition = null, Upload = null, Agreed = null, WritesLocal = false });
            }
        }
        return new SyncDecision.Done(plan);
    }

    /// <summary>The one rule for the condition of a remote write: the remote as read (its ETag), or that there is none.</summary>
    private static WriteCondition Condition(SyncInputs inputs) => inputs.Remote switch
    {
        null => new WriteCondition.MustNotExist(),
        { ETag: { } etag } => new WriteCondition.MustMatch(etag),
        _ => new WriteCondition.Unconditional(),
    };
}
