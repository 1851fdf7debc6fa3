using StartClaude.Core.Documents;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Tests.Prompts;

public class TerminalTextTests
{
    [Test]
    public void Control_characters_and_direction_overrides_become_visible()
    {
        TerminalText.Escape("r\u001b]0;OWNED\u0007\u001b[2J\u009b\u202e\u007f").Should().Be(@"r\u001b]0;OWNED\u0007\u001b[2J\u009b\u202e\u007f");
    }

    [Test]
    public void Line_breaks_are_kept_only_in_whole_messages()
    {
        TerminalText.Escape("a\nb", keepNewlines: true).Should().Be("a\nb");
        TerminalText.Escape("a\nb").Should().Be(@"a\u000ab");
    }

    [Test]
    public void A_lone_carriage_return_is_escaped_even_in_whole_messages()
    {
        TerminalText.Escape("added: bad\r\u001b[2KOVERWRITE", keepNewlines: true).Should().Be(@"added: bad\u000d\u001b[2KOVERWRITE");
        TerminalText.Escape("a\r\nb", keepNewlines: true).Should().Be("a\r\nb");
        TerminalText.Escape("ends\r", keepNewlines: true).Should().Be(@"ends\u000d");
    }

    [Test]
    public void Ordinary_text_is_returned_as_it_is()
    {
        const string text = "work — café 日本 [bold]";
        TerminalText.Escape(text).Should().BeSameAs(text);
    }

    [Test]
    public void Secrets_typed_on_the_command_line_are_masked_in_messages()
    {
        const string key = "sk-ant-api03-MASKmeMASKmeMASKme-Zz12";
        string[] args = ["s3-sync", "--json", $"--api-key={key}", "--secret-access-key", "Wj8secretKEYvalue0000", "--set", "apiKey=other-secret-value"];

        var masked = CommandLineSecrets.Mask($"Unrecognized option '--api-key={key}' near Wj8secretKEYvalue0000 and other-secret-value", args);

        masked.Should().NotContain(key).And.NotContain("Wj8secretKEYvalue0000").And.NotContain("other-secret-value");
        masked.Should().Contain("sk-ant-…Zz12");
    }
}
