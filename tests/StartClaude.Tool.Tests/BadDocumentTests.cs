using System.Text;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>
/// Malformed, truncated, wrong-typed, huge and hostile documents, local and remote: each gives one
/// clear line on stderr and changes nothing, here or in the bucket.
/// </summary>
public class BadDocumentTests : DeviceTestBase
{
    private static readonly string Valid = SampleDocuments.WithConfigs("work", "home");

    public sealed record Case(string Name, byte[] Bytes, string Expected)
    {
        public override string ToString() => Name;
    }

    private static Case Text(string name, string json, string expected) => new(name, Encoding.UTF8.GetBytes(json), expected);

    public static IEnumerable<Case> Inputs()
    {
        yield return Text("empty file", "", "not valid JSON");
        yield return Text("whitespace only", "   \n\t ", "not valid JSON");
        yield return Text("truncated in the middle", Valid[..(Valid.Length / 2)], "not valid JSON");
        yield return Text("truncated by one byte", Valid[..^1], "not valid JSON");
        yield return Text("trailing garbage", Valid + "garbage", "not valid JSON");
        yield return Text("two documents", Valid + Valid, "not valid JSON");
        yield return Text("trailing comma", "{\"configs\":[],}", "not valid JSON");
        yield return Text("single quotes", "{'configs':[]}", "not valid JSON");
        yield return Text("comment", "{/* hi */\"configs\":[]}", "not valid JSON");
        yield return Text("unquoted key", "{configs:[]}", "not valid JSON");
        yield return Text("NaN", "{\"configs\":[],\"x\":NaN}", "not valid JSON");
        yield return Text("HTML page", "<html><body>502 Bad Gateway</body></html>", "not valid JSON");
        yield return Text("XML error body", "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>", "not valid JSON");
        yield return Text("YAML", "configs:\n  - name: work\n", "not valid JSON");
        yield return Text("top-level array", "[]", "must be a JSON object");
        yield return Text("top-level string", "\"configs\"", "must be a JSON object");
        yield return Text("top-level number", "42", "must be a JSON object");
        yield return Text("top-level null", "null", "must be a JSON object");
        yield return Text("top-level true", "true", "must be a JSON object");
        yield return Text("configs is an object", "{\"configs\":{}}", "\"configs\" must be a list");
        yield return Text("configs is a string", "{\"configs\":\"work\"}", "\"configs\" must be a list");
        yield return Text("configs is a number", "{\"configs\":1}", "\"configs\" must be a list");
        yield return Text("config is a string", "{\"configs\":[\"work\"]}", "configs[0] must be an object");
        yield return Text("config is null", "{\"configs\":[null]}", "configs[0] must be an object");
        yield return Text("config is an array", "{\"configs\":[[]]}", "configs[0] must be an object");
        yield return Text("name is a number", "{\"configs\":[{\"name\":1}]}", "configs[0].name must be a string");
        yield return Text("name is an object", "{\"configs\":[{\"name\":{}}]}", "configs[0].name must be a string");
        yield return Text("apiKey is a number", "{\"configs\":[{\"name\":\"a\",\"apiKey\":123}]}", "configs[0].apiKey must be a string");
        yield return Text("baseUrl is an array", "{\"configs\":[{\"name\":\"a\",\"baseUrl\":[]}]}", "configs[0].baseUrl must be a string");
        yield return Text("model is true", "{\"configs\":[{\"name\":\"a\",\"model\":true}]}", "configs[0].model must be a string");
        yield return Text("isDefault is a string", "{\"configs\":[{\"name\":\"a\",\"isDefault\":\"yes\"}]}", "configs[0].isDefault must be true or false");
        yield return Text("enabled is a number", "{\"configs\":[{\"name\":\"a\",\"enabled\":1}]}", "configs[0].enabled must be true or false");
        yield return Text("isDeleted is a string", "{\"configs\":[{\"name\":\"a\",\"isDeleted\":\"true\"}]}", "configs[0].isDeleted must be true or false");
        yield return Text("id is a number", "{\"configs\":[{\"id\":7,\"name\":\"a\"}]}", "configs[0].id must be a string");
        yield return Text("settings is an array", "{\"configs\":[],\"settings\":[]}", "\"settings\" must be an object");
        yield return Text("settings is a string", "{\"configs\":[],\"settings\":\"x\"}", "\"settings\" must be an object");
        yield return Text("s3Sync is a string", "{\"configs\":[],\"settings\":{\"s3Sync\":\"x\"}}", "\"settings.s3Sync\" must be an object");
        yield return Text("version is a string", "{\"version\":\"3\",\"configs\":[]}", "\"version\" must be a number");
        yield return Text("duplicate top-level key", "{\"configs\":[],\"configs\":[]}", "not valid JSON");
        yield return Text("duplicate key in a config", "{\"configs\":[{\"name\":\"a\",\"name\":\"b\"}]}", "not valid JSON");
        yield return Text("name of 10 KB", "{\"configs\":[{\"name\":\"" + new string('n', 10 * 1024) + "\"}]}", "at most 256 are allowed");
        yield return Text("nesting 100 deep", "{\"x\":" + new string('[', 100) + new string(']', 100) + "}", "not valid JSON");
        yield return Text("nesting 10000 deep", "{\"x\":" + new string('[', 10000) + new string(']', 10000) + "}", "not valid JSON");
        yield return Text("unterminated string", "{\"configs\":[{\"name\":\"a}]}", "not valid JSON");
        yield return Text("control character in a string", "{\"configs\":[{\"name\":\"a\u0001b\"}]}", "not valid JSON");
        yield return Text("bad escape", "{\"configs\":[{\"name\":\"a\\qb\"}]}", "not valid JSON");
        yield return new Case("invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"configs\":[{\"name\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}]}")], "not valid JSON");
        yield return new Case("UTF-16 with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"configs\":[]}")], "not valid JSON");
        yield return new Case("NUL bytes", new byte[64], "not valid JSON");
        yield return new Case("random binary", [.. Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 251))], "not valid JSON");
        yield return new Case("over the size limit", Encoding.UTF8.GetBytes("{\"configs\":[],\"pad\":\"" + new string('x', 4 * 1024 * 1024) + "\"}"), "MiB");
    }

    private static IEnumerable<TestCaseData> LocalCases() => Inputs().Select(c => new TestCaseData(c).SetName($"Local config.json: {c.Name}"));

    private static IEnumerable<TestCaseData> RemoteCases() => Inputs().Select(c => new TestCaseData(c).SetName($"Remote document: {c.Name}"));

    [TestCaseSource(nameof(LocalCases))]
    public async Task A_bad_local_file_is_reported_in_one_line_and_left_as_it_was(Case input)
    {
        await SetUpSyncAsync(DeviceA);
        (await RunWith(DeviceA, new Dictionary<string, string>(), "s3-status")).ExitCode.Should().Be(0);
        DeviceA.WriteConfig("");
        File.WriteAllBytes(DeviceA.ConfigPath, input.Bytes);
        var remoteBefore = await RemoteBytesAsync();

        foreach (var command in new[] { "s3-sync", "s3-upload", "s3-download", "s3-status" })
        {
            var result = await Run(DeviceA, command);
            result.ExitCode.Should().Be(1, $"{command}: {result}");
            result.Error.Should().Contain(input.Expected).And.Contain("config.json");
            result.Error.TrimEnd().Split('\n').Should().ContainSingle();
        }
        File.ReadAllBytes(DeviceA.ConfigPath).Should().Equal(input.Bytes);
        (await RemoteBytesAsync()).Should().Equal(remoteBefore);
    }

    [TestCaseSource(nameof(RemoteCases))]
    public async Task A_bad_remote_document_is_reported_in_one_line_and_never_applied(Case input)
    {
        DeviceA.WriteConfig(Valid);
        await SetUpSyncAsync(DeviceA);
        await Server.PutObjectAsync(Bucket, "start-claude-config.json", input.Bytes);
        var before = DeviceA.ReadConfigBytes();

        foreach (var args in new[] { new[] { "s3-download", "-f" }, ["s3-sync", "--prefer", "remote"], ["s3-status"] })
        {
            var result = await Run(DeviceA, args);
            result.ExitCode.Should().Be(1, $"{string.Join(' ', args)}: {result}");
            result.Error.Should().Contain(input.Expected).And.Contain("remote document");
            result.Error.TrimEnd().Split('\n').Should().ContainSingle();
        }
        DeviceA.ReadConfigBytes().Should().Equal(before);
    }
}
