using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using StartClaude.Core.Encryption;

namespace StartClaude.Core.Tests;

/// <summary>The published age test vectors (C2SP/CCTV): every one gives its expected result.</summary>
public class AgeVectorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Vectors", "age");

    private static IEnumerable<string> AllVectors() =>
        Directory.GetFiles(Folder).Select(Path.GetFileName).Where(n => n != "ABOUT.md").Order(StringComparer.Ordinal)!;

    // The x25519_* vectors expect what an identity finds ("no match", a low-order share), which the file key cannot show.
    public static IEnumerable<string> Vectors() => AllVectors().Where(n => !n.StartsWith("x25519", StringComparison.Ordinal));

    /// <summary>
    /// Every vector that names an X25519 identity and no passphrase: opened with the identity, as a machine
    /// would. Post-quantum hybrid identities (AGE-SECRET-KEY-PQ-1…) are not implemented.
    /// </summary>
    public static IEnumerable<string> IdentityVectors() =>
        AllVectors().Where(n => Read(n) is { Passphrases.Count: 0 } v
            && v.Fields.GetValueOrDefault("identity")?.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal) == true);

    private sealed record Vector(Dictionary<string, string> Fields, List<string> Passphrases, byte[] File);

    private static Vector Read(string name)
    {
        var raw = File.ReadAllBytes(Path.Combine(Folder, name));
        var split = raw.AsSpan().IndexOf("\n\n"u8);
        var fields = new Dictionary<string, string>();
        var passphrases = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(raw, 0, split).Split('\n'))
        {
            var (key, value) = (line[..line.IndexOf(':', StringComparison.Ordinal)], line[(line.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            if (key == "passphrase")
                passphrases.Add(value);
            else
                fields[key] = value;
        }
        var file = raw[(split + 2)..];
        if (fields.GetValueOrDefault("compressed") == "zlib")
        {
            using var inflate = new ZLibStream(new MemoryStream(file), CompressionMode.Decompress);
            using var output = new MemoryStream();
            inflate.CopyTo(output);
            file = output.ToArray();
        }
        return new Vector(fields, passphrases, file);
    }

    [TestCaseSource(nameof(Vectors))]
    public void Vector_gives_its_expected_result(string name)
    {
        var vector = Read(name);
        var file = vector.Fields.GetValueOrDefault("armored") == "yes" ? (Func<byte[]>)(() => AgeArmor.Decode(vector.File)) : () => vector.File;
        Func<byte[]> decrypt = vector.Passphrases.Count > 0
            ? () => AgeFile.Decrypt(file(), vector.Passphrases[0])
            : () => AgeFile.Decrypt(file(), _ => Convert.FromHexString(vector.Fields["file key"]));

        Expect(vector, name, decrypt);
    }

    [TestCaseSource(nameof(IdentityVectors))]
    public void Vector_gives_its_expected_result_with_its_identity(string name)
    {
        var vector = Read(name);
        var file = vector.Fields.GetValueOrDefault("armored") == "yes" ? (Func<byte[]>)(() => AgeArmor.Decode(vector.File)) : () => vector.File;

        Expect(vector, name, () => AgeFile.Decrypt(file(), AgeIdentity.Parse(vector.Fields["identity"])));
    }

    [Test]
    public void The_X25519_vectors_are_opened_with_their_identities() =>
        IdentityVectors().Where(n => n.StartsWith("x25519_", StringComparison.Ordinal)).Should().Contain(["x25519_no_match", "x25519_low_order", "x25519_identity", "x25519_grease"]);

    private static void Expect(Vector vector, string name, Func<byte[]> decrypt)
    {
        var expected = vector.Fields["expect"];
        if (expected == "success")
        {
            var plaintext = decrypt();
            Convert.ToHexStringLower(SHA256.HashData(plaintext)).Should().Be(vector.Fields["payload"]);
            return;
        }
        var failure = expected switch
        {
            "header failure" => AgeFailure.Header,
            "HMAC failure" => AgeFailure.Hmac,
            "payload failure" => AgeFailure.Payload,
            "armor failure" => AgeFailure.Armor,
            "no match" => AgeFailure.NoMatch,
            _ => throw new InvalidOperationException($"unknown expectation '{expected}'"),
        };
        decrypt.Should().Throw<AgeException>().Which.Failure.Should().Be(failure, vector.Fields.GetValueOrDefault("comment") ?? name);
    }

    [Test]
    public void Every_group_the_issue_names_is_covered() =>
        Vectors().Select(n => n.Split('_')[0]).Distinct().Should().Contain(["scrypt", "hmac", "header", "stream", "stanza", "armor"]);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(AgeStream.ChunkSize - 1)]
    [TestCase(AgeStream.ChunkSize)]
    [TestCase(AgeStream.ChunkSize + 1)]
    [TestCase(3 * AgeStream.ChunkSize)]
    public void What_is_encrypted_decrypts_to_the_same_bytes(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);

        var file = AgeFile.Encrypt(plaintext, "correct horse", workFactor: 10);

        AgeFile.Decrypt(file, "correct horse").Should().Equal(plaintext);
        FluentActions.Invoking(() => AgeFile.Decrypt(file, "wrong horse")).Should().Throw<AgeException>().Which.Failure.Should().Be(AgeFailure.NoMatch);
    }

    [Test]
    public void Each_encryption_is_fresh_but_opens_the_same()
    {
        var plaintext = "{\"configs\":[]}"u8.ToArray();

        var first = AgeFile.Encrypt(plaintext, "p", workFactor: 10);
        var second = AgeFile.Encrypt(plaintext, "p", workFactor: 10);

        first.Should().NotEqual(second);
        AgeFile.Decrypt(second, "p").Should().Equal(AgeFile.Decrypt(first, "p"));
    }
}
