using StartClaude.Core.Documents;

namespace StartClaude.Core.Tests;

public class SecretMaskTests
{
    [TestCase("sk-ant-api03-abcdefghijklmnopqrstuvwxyz-c3Fz", "sk-ant-…c3Fz")]
    [TestCase("AKIAIOSFODNN7EXAMPLE", "AKIA…MPLE")]
    [TestCase("short-secret1", "…t1")]
    [TestCase("tiny", "…")]
    [TestCase("", "(not set)")]
    [TestCase(null, "(not set)")]
    public void Masks_show_little_and_never_the_middle(string? secret, string expected)
    {
        SecretMask.Mask(secret).Should().Be(expected);
    }
}
