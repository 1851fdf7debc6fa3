using System.Text;
using StartClaude.Core.Encryption;
using StartClaude.Core.Machines;
using StartClaude.Core.Remote;
using StartClaude.Core.Teams;

namespace StartClaude.Core.Tests;

/// <summary>
/// What a machine joining with the passphrase accepts once every removal replaces the passphrase key (issue 25):
/// each state a replacement passes through, or a bucket writer makes, in memory.
/// </summary>
public class PassphraseListCheckTests
{
    private const string Remote = "s3://bucket/start-claude-config.json";
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly AgeIdentity Alpha = AgeIdentity.Generate();
    private static readonly AgeIdentity Beta = AgeIdentity.Generate();
    private static readonly AgeIdentity FirstKey = AgeIdentity.Generate();
    private static readonly AgeIdentity SecondKey = AgeIdentity.Generate();

    // v0: alpha and the switch-over's passphrase key, signed by that key; v1: beta joined with the passphrase.
    private static MemberList BeforeTheRemoval()
    {
        var first = MemberListEntry.Create(MachineKeys.ListName, null, [Machine("alpha", Alpha), Machine(MachineKeys.PassphraseMember, FirstKey)], FirstKey, Noon);
        return MemberList.Verify(MachineKeys.ListName, [first], null, null, "test")
            .Append([Machine("alpha", Alpha), Machine(MachineKeys.PassphraseMember, FirstKey), Machine("beta", Beta)], FirstKey, Noon.AddMinutes(1));
    }

    // v2: beta removed by alpha, the passphrase key replaced.
    private static MemberList AfterTheRemoval() =>
        BeforeTheRemoval().Append([Machine("alpha", Alpha), Machine(MachineKeys.PassphraseMember, SecondKey)], Alpha, Noon.AddMinutes(2));

    private static TeamMember Machine(string name, AgeIdentity key, bool admin = true) => new(name, key.Recipient, admin);

    private static PassphraseKeyPin PinOf(MemberList list) => new(list.TeamId, list.Head.Seq, list.HeadId);

    // The document as a machine on the list writes it: sealed to the list's newest version, signed by alpha.
    private static RemoteObject Document(MemberList list, AgeIdentity? writer = null)
    {
        var seal = new TeamSeal(TeamState.Created(list) with { Key = "start-claude-config.json" }, writer ?? Alpha, _ => { }, wording: MachineKeys.Wording(Remote));
        var encoded = seal.Seal(Encoding.UTF8.GetBytes("{\"configs\":[],\"settings\":{}}"));
        return new RemoteObject(encoded.Body, new RemoteObjectInfo(encoded.Body.Length, Noon, "\"e\"")) { Metadata = encoded.Metadata! };
    }

    [Test]
    public void The_replaced_key_vouches_for_the_list_it_was_made_for()
    {
        var list = AfterTheRemoval();

        PassphraseListCheck.ListId(Document(list), SecondKey, PinOf(list), Remote).Should().Be(list.TeamId);
    }

    [Test]
    public void A_key_from_the_switch_over_vouches_for_a_list_it_started_while_it_is_still_on_it()
    {
        var list = BeforeTheRemoval();

        PassphraseListCheck.ListId(Document(list), FirstKey, pin: null, Remote).Should().Be(list.TeamId);
    }

    [Test]
    public void The_document_from_before_the_replacement_is_older_than_the_new_passphrase()
    {
        // KEY.keys.age was replaced first and the document write never came (a crash), or the old document was put back.
        var check = () => PassphraseListCheck.ListId(Document(BeforeTheRemoval()), SecondKey, PinOf(AfterTheRemoval()), Remote);

        check.Should().Throw<TeamException>().Which.Message.Should()
            .Contain("is older than the passphrase").And.Contain("not encrypted to the passphrase's key")
            .And.Contain("start-claude s3-machines passphrase").And.Contain("nothing was changed").And.NotContain("\n");
    }

    [Test]
    public void The_old_keys_file_put_back_after_a_removal_vouches_for_nothing_current()
    {
        // The switch-over's key is no longer on the list: the document is not encrypted to it.
        var check = () => PassphraseListCheck.ListId(Document(AfterTheRemoval()), FirstKey, pin: null, Remote);

        check.Should().Throw<TeamException>().WithMessage("*is older than the passphrase*");
    }

    [Test]
    public void A_keys_file_left_behind_by_a_drop_that_did_not_finish_vouches_for_nothing()
    {
        var dropped = BeforeTheRemoval().Append([Machine("alpha", Alpha), Machine("beta", Beta)], Alpha, Noon.AddMinutes(2));

        var check = () => PassphraseListCheck.ListId(Document(dropped), FirstKey, pin: null, Remote);

        check.Should().Throw<TeamException>().WithMessage("*is older than the passphrase*");
    }

    [Test]
    public void A_list_that_ends_before_the_version_the_key_was_made_for_is_refused()
    {
        var list = AfterTheRemoval();
        var later = new PassphraseKeyPin(list.TeamId, list.Head.Seq + 1, list.HeadId);

        var check = () => PassphraseListCheck.ListId(Document(list), SecondKey, later, Remote);

        check.Should().Throw<TeamException>().WithMessage("*older than the passphrase (its machine list ends at version 2, before version 3*");
    }

    [Test]
    public void A_list_that_took_another_path_at_the_pinned_version_is_refused()
    {
        // The removed machine (an admin of version 1) writes its own version 2 naming the new key.
        var fork = BeforeTheRemoval().Append([Machine("alpha", Alpha), Machine(MachineKeys.PassphraseMember, SecondKey), Machine("beta", Beta)], Beta, Noon.AddMinutes(2));

        var check = () => PassphraseListCheck.ListId(Document(fork, Beta), SecondKey, PinOf(AfterTheRemoval()), Remote);

        check.Should().Throw<TeamException>().WithMessage("*differs at version 2 from the one the passphrase was set with*");
    }

    [Test]
    public void A_list_from_another_start_is_refused_even_when_it_names_the_key()
    {
        // A bucket writer with a key of its own starts a list of its own holding the passphrase key.
        var writer = AgeIdentity.Generate();
        var first = MemberListEntry.Create(MachineKeys.ListName, null, [Machine("writer", writer), Machine(MachineKeys.PassphraseMember, SecondKey)], writer, Noon);
        var forged = MemberList.Verify(MachineKeys.ListName, [first], null, null, "test");

        var check = () => PassphraseListCheck.ListId(Document(forged, writer), SecondKey, PinOf(AfterTheRemoval()), Remote);

        check.Should().Throw<TeamException>().WithMessage("*another machine list than the one the passphrase was set for*");
    }

    [Test]
    public void A_passphrase_key_that_is_no_admin_on_the_newest_list_vouches_for_nothing()
    {
        var list = AfterTheRemoval().Append([Machine("alpha", Alpha), Machine(MachineKeys.PassphraseMember, SecondKey, admin: false)], Alpha, Noon.AddMinutes(3));

        var check = () => PassphraseListCheck.ListId(Document(list), SecondKey, PinOf(AfterTheRemoval()), Remote);

        check.Should().Throw<TeamException>().WithMessage("*the passphrase's key is not on its newest machine list*");
    }
}
