using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Machines;

namespace StartClaude.Core.Tests;

/// <summary>The passphrase key's secret beside a remote on machine keys (KEY.keys.age): stock age -p, bounded work.</summary>
public class PassphraseKeyTests
{
    [Test]
    public void The_passphrase_opens_the_key_it_sealed_and_another_passphrase_does_not()
    {
        var key = AgeIdentity.Generate();
        var file = PassphraseKey.Seal(key, "correct horse", DateTimeOffset.UnixEpoch);

        PassphraseKey.Open(file, "correct horse", "KEY.keys.age").Recipient.Text.Should().Be(key.Recipient.Text);
        var wrong = () => PassphraseKey.Open(file, "wrong horse", "KEY.keys.age");
        wrong.Should().Throw<RemoteEncryptionException>().WithMessage("the passphrase does not open KEY.keys.age*or the file was replaced in the bucket*");
    }

    [Test]
    public void A_keys_file_with_a_work_factor_above_2_18_is_refused_before_any_work()
    {
        var file = PassphraseKey.Seal(AgeIdentity.Generate(), "correct horse", DateTimeOffset.UnixEpoch);
        var text = Encoding.Latin1.GetString(file);
        var stanza = text.Split('\n')[1];
        var raised = Encoding.Latin1.GetBytes(text.Replace(stanza, stanza[..stanza.LastIndexOf(' ')] + " 30", StringComparison.Ordinal));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var open = () => PassphraseKey.Open(raised, "correct horse", "KEY.keys.age");

        open.Should().Throw<DocumentFormatException>().WithMessage("*work factor 2^30 is above the 2^18*");
        // Memory, not the clock, is the bound (a loaded machine stretches time): scrypt 2^30 would take 1 GiB.
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(16 * 1024 * 1024, "it is refused before scrypt runs");
    }

    [Test]
    public void A_keys_file_that_cannot_be_decrypted_gets_advice_for_the_keys_file_not_for_a_document()
    {
        var file = PassphraseKey.Seal(AgeIdentity.Generate(), "correct horse", DateTimeOffset.UnixEpoch);
        var text = Encoding.Latin1.GetString(file);
        var stanza = text.Split('\n')[1];
        var raised = Encoding.Latin1.GetBytes(text.Replace(stanza, stanza[..stanza.LastIndexOf(' ')] + " 22", StringComparison.Ordinal));

        var open = () => PassphraseKey.Open(raised, "correct horse", "KEY.keys.age");

        open.Should().Throw<DocumentFormatException>()
            .Where(e => e.Message.Contains("work factor 2^22", StringComparison.Ordinal) && !e.Message.Contains("s3-upload --force", StringComparison.Ordinal))
            .WithMessage("*join by approval*");
    }

    [Test]
    public void A_replaced_key_carries_the_list_version_it_was_made_for_as_a_comment_stock_age_ignores()
    {
        var key = AgeIdentity.Generate();
        var pin = new PassphraseKeyPin(new string('a', 64), 3, new string('b', 64));
        var file = PassphraseKey.Seal(key, "correct horse", DateTimeOffset.UnixEpoch, pin);

        var (opened, read) = PassphraseKey.OpenPinned(file, "correct horse", "KEY.keys.age");

        opened.Recipient.Text.Should().Be(key.Recipient.Text);
        read.Should().Be(pin);
        var text = Encoding.ASCII.GetString(AgeFile.Decrypt(file, "correct horse"));
        text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Should().ContainSingle("age-keygen's format: one key line, the rest comments");
        PassphraseKey.OpenPinned(PassphraseKey.Seal(key, "correct horse", DateTimeOffset.UnixEpoch), "correct horse", "KEY.keys.age").Pin.Should().BeNull();
    }
}
