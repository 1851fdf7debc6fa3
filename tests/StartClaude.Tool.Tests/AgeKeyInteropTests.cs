using System.Text;
using StartClaude.Core.Encryption;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>age identities and recipients against the real age, age-keygen and ssh-keygen binaries.</summary>
[Category("Slow")] // the real age binaries, as the other age interop tests
public class AgeKeyInteropTests
{
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("{\"configs\":[{\"name\":\"team\",\"baseUrl\":\"https://gateway.invalid\"}]}");

    private TempHome _scratch = null!;

    private string PathOf(string name) => Path.Combine(_scratch.Folder, name);

    [SetUp]
    public void CreateScratch()
    {
        AgeCli.Available.Should().BeTrue("age is installed by scripts/test.sh");
        _scratch = new TempHome();
    }

    [TearDown]
    public void RemoveScratch() => _scratch.Dispose();

    [Test]
    public async Task An_age_keygen_identity_file_reads_to_the_recipient_age_keygen_prints()
    {
        await AgeCli.KeygenAsync(PathOf("key.txt"));

        var identity = AgeIdentity.ReadFile(await File.ReadAllTextAsync(PathOf("key.txt")));

        identity.Recipient.Text.Should().Be(await AgeCli.RecipientOfAsync(PathOf("key.txt")));
    }

    [Test]
    public async Task A_file_age_encrypts_to_two_recipients_opens_with_either_identity()
    {
        await AgeCli.KeygenAsync(PathOf("a.txt"));
        await AgeCli.KeygenAsync(PathOf("b.txt"));
        await File.WriteAllBytesAsync(PathOf("plain"), Plaintext);
        await AgeCli.EncryptToAsync(PathOf("plain"), PathOf("file.age"), await AgeCli.RecipientOfAsync(PathOf("a.txt")), await AgeCli.RecipientOfAsync(PathOf("b.txt")));
        var file = await File.ReadAllBytesAsync(PathOf("file.age"));
        var first = AgeIdentity.ReadFile(await File.ReadAllTextAsync(PathOf("a.txt")));
        var second = AgeIdentity.ReadFile(await File.ReadAllTextAsync(PathOf("b.txt")));

        AgeFile.Decrypt(file, first).Should().Equal(Plaintext);
        AgeFile.Decrypt(file, second).Should().Equal(Plaintext);
        FluentActions.Invoking(() => AgeFile.Decrypt(file, AgeIdentity.Generate())).Should().Throw<AgeException>()
            .Which.Failure.Should().Be(AgeFailure.NoMatch);
    }

    [Test]
    public async Task What_we_encrypt_to_ours_age_keygens_and_an_ssh_key_opens_with_age_for_each()
    {
        var ours = AgeIdentity.Generate();
        await File.WriteAllTextAsync(PathOf("ours.txt"), ours.ToFileText(DateTimeOffset.UtcNow));
        await AgeCli.KeygenAsync(PathOf("keygen.txt"));
        var ssh = await AgeCli.SshKeygenAsync(PathOf("id_ed25519"));
        AgeRecipient[] recipients = [ours.Recipient, AgeRecipient.Parse(await AgeCli.RecipientOfAsync(PathOf("keygen.txt"))), AgeRecipient.Parse(ssh)];

        await File.WriteAllBytesAsync(PathOf("file.age"), AgeFile.Encrypt(Plaintext, recipients));

        Encoding.ASCII.GetString(await File.ReadAllBytesAsync(PathOf("file.age"))).Should().Contain("-> ssh-ed25519 ").And.Contain("-> X25519 ");
        foreach (var identity in new[] { "ours.txt", "keygen.txt", "id_ed25519" })
        {
            await AgeCli.DecryptWithAsync(PathOf("file.age"), PathOf(identity + ".out"), PathOf(identity));
            (await File.ReadAllBytesAsync(PathOf(identity + ".out"))).Should().Equal(Plaintext, identity);
        }
    }

    [Test]
    public async Task The_identity_file_we_write_is_accepted_by_age()
    {
        var ours = AgeIdentity.Generate();
        await File.WriteAllTextAsync(PathOf("ours.txt"), ours.ToFileText(DateTimeOffset.UtcNow));
        await File.WriteAllBytesAsync(PathOf("plain"), Plaintext);

        await AgeCli.EncryptToAsync(PathOf("plain"), PathOf("file.age"), ours.Recipient.Text);
        await AgeCli.DecryptWithAsync(PathOf("file.age"), PathOf("out"), PathOf("ours.txt"));

        (await File.ReadAllBytesAsync(PathOf("out"))).Should().Equal(Plaintext);
        (await AgeCli.RecipientOfAsync(PathOf("ours.txt"))).Should().Be(ours.Recipient.Text);
    }
}
