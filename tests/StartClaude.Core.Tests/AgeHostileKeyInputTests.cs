using System.Diagnostics;
using System.Text;
using StartClaude.Core.Encryption;

namespace StartClaude.Core.Tests;

/// <summary>Hostile headers and keys against the recipient layer: each one clear error, in bounded time.</summary>
public class AgeHostileKeyInputTests
{
    private static readonly string Share = AgeBase64.Encode(AgeBech32.Decode(AgeIdentity.Generate().Recipient.Text, "age", out _));
    private static readonly string Body = AgeBase64.Encode(new byte[32]);

    // A header with these stanza lines and a MAC no key will match, then a payload nonce and a chunk.
    private static byte[] File(IEnumerable<string> stanzas) =>
        Encoding.ASCII.GetBytes("age-encryption.org/v1\n" + string.Concat(stanzas) + "--- " + AgeBase64.Encode(new byte[32]) + "\n")
            .Concat(new byte[16 + 16]).ToArray();

    private static AgeException Refusal(byte[] file, out bool unwrapped)
    {
        var called = false;
        var stopwatch = Stopwatch.StartNew();
        var refusal = FluentActions.Invoking(() => AgeFile.Decrypt(file, stanzas => { called = true; return AgeIdentity.Generate().Unwrap(stanzas); }))
            .Should().Throw<AgeException>().Which;
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        refusal.Message.Should().NotContain("\n");
        unwrapped = called;
        return refusal;
    }

    [Test]
    public void A_header_with_1001_stanzas_is_refused_before_any_unwrap()
    {
        var file = File(Enumerable.Repeat($"-> X25519 {Share}\n{Body}\n", AgeFile.MaxRecipients + 1));

        var refusal = Refusal(file, out var unwrapped);

        refusal.Failure.Should().Be(AgeFailure.Header);
        refusal.Message.Should().Contain("more than 1000 stanzas");
        unwrapped.Should().BeFalse();
    }

    [Test]
    public void A_header_with_1000_stanzas_is_read_and_tried_in_bounded_time()
    {
        var file = File(Enumerable.Repeat($"-> X25519 {Share}\n{Body}\n", AgeFile.MaxRecipients));

        Refusal(file, out var unwrapped).Failure.Should().Be(AgeFailure.NoMatch);
        unwrapped.Should().BeTrue();
    }

    [Test]
    public void A_header_longer_than_1_MiB_is_refused_before_its_stanzas_are_parsed()
    {
        var line = new string('A', 64) + "\n";
        var body = string.Concat(Enumerable.Repeat(line, 2 * 1024 * 1024 / line.Length)) + "AA\n";

        var refusal = Refusal(File([$"-> unknown-type arg\n{body}"]), out var unwrapped);

        refusal.Failure.Should().Be(AgeFailure.Header);
        refusal.Message.Should().Contain("longer than 1 MiB");
        unwrapped.Should().BeFalse();
    }

    [TestCase("-> X25519\n{1}\n", TestName = "An X25519 stanza without a share is a header error")]
    [TestCase("-> X25519 {0} extra\n{1}\n", TestName = "An X25519 stanza with two arguments is a header error")]
    [TestCase("-> X25519 {0}=\n{1}\n", TestName = "An X25519 share with padding is a header error")]
    [TestCase("-> X25519 AAAA\n{1}\n", TestName = "An X25519 share of 3 bytes is a header error")]
    [TestCase("-> X25519 {0}\nAAAA\n", TestName = "An X25519 wrapped key of 3 bytes is a header error")]
    [TestCase("-> X25519 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n{1}\n", TestName = "An X25519 share of all zeros is a header error")]
    public void A_malformed_X25519_stanza_is_a_header_error(string stanza)
    {
        var refusal = Refusal(File([string.Format(System.Globalization.CultureInfo.InvariantCulture, stanza, Share, Body)]), out _);

        refusal.Failure.Should().Be(AgeFailure.Header, refusal.Message);
        refusal.Message.Should().StartWith("the age header is malformed");
    }

    [Test]
    public void Unknown_stanza_types_are_skipped_and_a_known_one_still_opens()
    {
        var identity = AgeIdentity.Generate();
        var file = AgeFile.Encrypt("secret"u8, [identity.Recipient]);
        var text = Encoding.ASCII.GetString(file);
        var withUnknown = text.Replace("age-encryption.org/v1\n", "age-encryption.org/v1\n-> some-plugin x y\nAAAA\n", StringComparison.Ordinal);

        // The MAC covers the header, so an added stanza fails the MAC, not the unwrap: skipping worked.
        FluentActions.Invoking(() => AgeFile.Decrypt(Encoding.ASCII.GetBytes(withUnknown), identity)).Should().Throw<AgeException>()
            .Which.Failure.Should().Be(AgeFailure.Hmac);
    }

    private static string Bech32(string hrp, int length) => AgeBech32.Encode(hrp, new byte[length].Select((_, i) => (byte)(i * 7 + 1)).ToArray());

    public static IEnumerable<TestCaseData> BadRecipients()
    {
        var good = AgeIdentity.Generate().Recipient.Text;
        yield return new TestCaseData(good[..^1] + (good[^1] == 'q' ? 'p' : 'q'), "checksum").SetName("A recipient with a bad checksum");
        yield return new TestCaseData(good[..10] + good[10..].ToUpperInvariant(), "mixes upper and lower case").SetName("A recipient in mixed case");
        yield return new TestCaseData(good.ToUpperInvariant(), "lower case").SetName("A recipient in upper case");
        yield return new TestCaseData(Bech32("agf", 32), "age1").SetName("A recipient with the wrong prefix");
        yield return new TestCaseData(Bech32("age", 31), "31 bytes").SetName("A recipient of 31 bytes");
        yield return new TestCaseData(Bech32("age", 33), "33 bytes").SetName("A recipient of 33 bytes");
        yield return new TestCaseData("age1" + new string('q', 5000), "too long").SetName("A recipient of 5000 characters");
        yield return new TestCaseData("age1\u001b[2Jqqqq", "\\u001b").SetName("A recipient with an escape sequence");
        yield return new TestCaseData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA", "base64").SetName("An ssh key with bad base64");
        yield return new TestCaseData("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ==", "32-byte ssh-ed25519").SetName("An ssh key that is not ed25519");
        yield return new TestCaseData("", "empty").SetName("An empty recipient");
    }

    [TestCaseSource(nameof(BadRecipients))]
    public void A_bad_recipient_is_one_clear_format_error(string text, string why)
    {
        var refusal = FluentActions.Invoking(() => AgeRecipient.Parse(text)).Should().Throw<FormatException>().Which;

        refusal.Message.Should().Contain(why).And.NotContain("\n").And.NotContain("\u001b");
        refusal.Message.Length.Should().BeLessThan(300);
        AgeRecipient.TryParse(text, out var recipient).Should().BeFalse();
        recipient.Should().BeNull();
    }

    public static IEnumerable<TestCaseData> BadSecretKeys()
    {
        var good = AgeIdentity.Generate().ToFileText(DateTimeOffset.UnixEpoch).Split('\n')[2];
        yield return new TestCaseData(good[..^1] + (good[^1] == 'Q' ? 'P' : 'Q'), "checksum").SetName("A secret key with a bad checksum");
        yield return new TestCaseData(good.ToLowerInvariant(), "upper case").SetName("A secret key in lower case");
        yield return new TestCaseData(good[..20] + good[20..].ToLowerInvariant(), "mixes upper and lower case").SetName("A secret key in mixed case");
        yield return new TestCaseData(Bech32("AGE-SECRET-KEY-X", 32), "AGE-SECRET-KEY-1").SetName("A secret key with the wrong prefix");
        yield return new TestCaseData(Bech32("AGE-SECRET-KEY-", 16), "16 bytes").SetName("A secret key of 16 bytes");
    }

    [TestCaseSource(nameof(BadSecretKeys))]
    public void A_bad_secret_key_is_one_format_error_that_never_shows_it(string text, string why)
    {
        var refusal = FluentActions.Invoking(() => AgeIdentity.Parse(text)).Should().Throw<FormatException>().Which;

        refusal.Message.Should().Contain(why).And.NotContain("\n");
        refusal.Message.Should().NotContain(text.Length > 30 ? text[16..30] : text, "a secret key is never echoed");
    }

    [Test]
    public void Verify_never_throws_on_malformed_input()
    {
        var recipient = AgeIdentity.Generate().Recipient;
        var random = new Random(25);
        for (var i = 0; i < 50; i++)
        {
            var signature = new byte[random.Next(0, 130)];
            random.NextBytes(signature);
            recipient.Verify(signature.AsSpan(0, signature.Length / 2), signature).Should().BeFalse();
        }
        var allOnes = Enumerable.Repeat((byte)0xFF, 64).ToArray();
        recipient.Verify("m"u8, allOnes).Should().BeFalse();
    }
}
