using System.Text;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.Tests;

/// <summary>Environment values, JSON text and settings.s3Sync read strictly, each refusal naming what is wrong.</summary>
public class StrictInputTests
{
    private static AppEnvironment With(string name, string value) => AppEnvironment.From(new Dictionary<string, string> { [name] = value });

    [TestCase("2.5", 2.5)]
    [TestCase("0", 0.0)]
    [TestCase("3600", 3600.0)]
    [TestCase(" 7 ", 7.0)]
    public void A_plain_number_of_seconds_in_range_is_read(string value, double seconds) =>
        With("X_SECONDS", value).Seconds("X_SECONDS", TimeSpan.Zero, 0, 3600).Should().Be(TimeSpan.FromSeconds(seconds));

    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-Infinity")]
    [TestCase("1e308")]
    [TestCase("1e3")]
    [TestCase("-1")]
    [TestCase("3600.5")]
    [TestCase("0x10")]
    [TestCase("ten")]
    [TestCase("1,5")]
    public void Anything_else_is_refused_naming_the_variable(string value)
    {
        var read = () => With("X_SECONDS", value).Seconds("X_SECONDS", TimeSpan.Zero, 0, 3600);
        read.Should().Throw<UsageException>().WithMessage("X_SECONDS must be a number of seconds from 0 to 3600*");
    }

    [Test]
    public void An_unset_variable_gives_the_default() =>
        AppEnvironment.From(new Dictionary<string, string>()).Seconds("X_SECONDS", TimeSpan.FromSeconds(10), 0, 60).Should().Be(TimeSpan.FromSeconds(10));

    [TestCase("{\"a\":1,\"a\":2}", "duplicate key \"a\" (line 1, byte 8)")]
    [TestCase("{\n  \"configs\": [],\n  \"configs\": []\n}", "duplicate key \"configs\" (line 3, byte 3)")]
    [TestCase("{\"a\":{\"b\":1},\"c\":{\"b\":2}}", null)]
    [TestCase("{\"a\":\"\\ud83d\\ude00\"}", null)]
    [TestCase("{\"a\":\"x\\ud800\"}", "unpaired UTF-16 surrogate")]
    [TestCase("{\"a\":[1,2,}", "not valid JSON: ")]
    public void JSON_errors_name_what_is_wrong(string json, string? expected)
    {
        var parse = () => ConfigDocument.Parse(Encoding.UTF8.GetBytes(json), "doc");
        if (expected is null)
            parse.Should().NotThrow();
        else
            parse.Should().Throw<DocumentFormatException>().Which.Message.Should().StartWith("doc is not valid JSON").And.Contain(expected);
    }

    [Test]
    public void Sixty_four_levels_are_allowed_and_sixty_five_are_named()
    {
        static string Nested(int depth) => new string('[', depth - 1) + new string(']', depth - 1);
        var ok = () => ConfigDocument.Parse(Encoding.UTF8.GetBytes("{\"x\":" + Nested(64) + "}"), "doc");
        var deep = () => ConfigDocument.Parse(Encoding.UTF8.GetBytes("{\"x\":" + Nested(65) + "}"), "doc");
        ok.Should().NotThrow();
        deep.Should().Throw<DocumentFormatException>().WithMessage("*nested more than 64 levels deep*");
    }

    [TestCase("\"encrypt\":\"true\"", "settings.s3Sync.encrypt must be true or false, not a string")]
    [TestCase("\"encrypt\":0", "settings.s3Sync.encrypt must be true or false, not a number")]
    [TestCase("\"endpointUrl\":{}", "settings.s3Sync.endpointUrl must be a string, not an object")]
    [TestCase("\"remoteConfigCheckIntervalMinutes\":\"5\"", "settings.s3Sync.remoteConfigCheckIntervalMinutes must be a number of minutes")]
    public void A_wrong_typed_s3Sync_field_is_named_with_the_type_it_needs(string field, string expected)
    {
        var document = ConfigDocument.Parse(Encoding.UTF8.GetBytes($"{{\"configs\":[],\"settings\":{{\"s3Sync\":{{\"bucket\":\"b\",{field}}}}}}}"), "my config.json");
        var read = () => document.S3Sync;
        read.Should().Throw<LocalConfigException>().Which.Message.Should().StartWith("my config.json: " + expected);
    }

    [Test]
    public void Encryption_on_is_read_as_on()
    {
        var document = ConfigDocument.Parse("{\"configs\":[],\"settings\":{\"s3Sync\":{\"bucket\":\"b\",\"encrypt\":true,\"remoteConfigCheckIntervalMinutes\":5}}}"u8, "doc");
        document.S3Sync!.Encrypt.Should().BeTrue();
        document.S3Sync!.RemoteCheckInterval.Should().Be(TimeSpan.FromMinutes(5));
    }
}
