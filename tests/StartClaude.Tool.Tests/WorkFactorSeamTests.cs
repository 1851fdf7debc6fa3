using System.Text;
using System.Text.RegularExpressions;
using StartClaude.Core.Documents;
using StartClaude.Core.Encryption;

namespace StartClaude.Tool.Tests;

/// <summary>The test seam that lowers scrypt's work factor: lowered here, another inside a scope (the interop tests scope in age's 2^18).</summary>
public class WorkFactorSeamTests
{
    private static int WorkFactorOf(byte[] file) =>
        int.Parse(Regex.Match(Encoding.ASCII.GetString(file), @"-> scrypt \S+ (\d+)\n").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Encode() =>
        DocumentCodec.Encrypted(() => "correct horse").Encode(ConfigDocument.Parse("{\"configs\":[]}"u8, "test")).Body;

    [Test]
    public void These_tests_encrypt_with_the_lowered_work_factor() =>
        WorkFactorOf(Encode()).Should().Be(FastEncryption.TestWorkFactor);

    [Test]
    public async Task Inside_a_scope_documents_get_its_work_factor_and_the_scope_ends_with_its_code()
    {
        byte[] scoped;
        using (AgeWorkFactor.Use(FastEncryption.TestWorkFactor + 2))
        {
            await Task.Yield();
            scoped = Encode();
        }

        WorkFactorOf(scoped).Should().Be(FastEncryption.TestWorkFactor + 2);
        WorkFactorOf(Encode()).Should().Be(FastEncryption.TestWorkFactor);
    }
}
