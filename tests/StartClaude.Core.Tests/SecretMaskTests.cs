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

    [TestCase("https://u:LEAKURLPW@h.example/", "https://u:***@h.example/")]
    [TestCase("http://u:LEAKPROXYPW@proxy:3128", "http://u:***@proxy:3128")]
    [TestCase("https://sk-ant-api03-TOKENINUSERNAME-abcd@h.example/v1", "https://sk-ant-…abcd@h.example/v1")]
    [TestCase("https://api.anthropic.com", "https://api.anthropic.com")]
    [TestCase("not a url @ all", "not a url @ all")]
    [TestCase("https://gw.example/v1?key=LEAKQUERYTOKEN&region=eu", "https://gw.example/v1?key=***&region=***")]
    [TestCase("https://u:LEAKURLPW@gw.example/?LEAKBARETOKEN#top", "https://u:***@gw.example/?***#***")]
    [TestCase("https://gw/v1#access_token=LEAKFRAGMENT", "https://gw/v1#***")]
    [TestCase("https://user:LEAK/PW?X#Y@gw/v1", "https://user:***@gw/v1")]
    [TestCase("https:/user:LEAKONESLASH@gw", "https:/user:***@gw")]
    [TestCase("//user:LEAKNOSCHEME@gw", "//user:***@gw")]
    [TestCase("https://user:LEAKPORT@gw:99999/v1?key=LEAKQUERY2", "https://user:***@gw:99999/v1?key=***")]
    [TestCase("wss://gw/socket?token=LEAKWSS", "wss://gw/socket?token=***")]
    [TestCase("http://user:LEAKFULLWIDTH＠gw", "http://user:***＠gw")]
    [TestCase("me@example.com", "me@example.com")]
    [TestCase("claude?x=1&key=MODELVALUE#y", "claude?x=1&key=MODELVALUE#y")]
    [TestCase("https://gw.example/v1?", "https://gw.example/v1?")]
    [TestCase("claude-opus-4?x=1", "claude-opus-4?x=1")]
    public void Urls_keep_their_host_and_lose_their_password(string url, string expected)
    {
        SecretMask.Url(url).Should().Be(expected);
    }
}
