using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Core.ClaudeCode;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Tests;

public class JsonTextPatchTests
{
    private static JsonTextEdit Set(string json, params string[] path) => new(path, JsonNode.Parse(json));

    private static JsonTextEdit Remove(params string[] path) => new(path, null, Remove: true);

    /// <summary>Applies the edits and checks what every result must be: one JSON object that parses strictly.</summary>
    private static string Patch(string text, params JsonTextEdit[] edits)
    {
        var result = JsonTextPatch.Apply(text, edits);
        // JsonDocument rather than JsonNode: it reads duplicate keys a file may hold where no edit went.
        using var parsed = JsonDocument.Parse(result.TrimStart('\uFEFF'), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        parsed.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        return result;
    }

    private static void ShouldMean(string actual, string expectedJson) =>
        JsonNode.DeepEquals(JsonNode.Parse(actual.TrimStart('\uFEFF')), JsonNode.Parse(expectedJson)).Should().BeTrue($"{actual} should mean {expectedJson}");

    // ---- empty text, BOM, trailing whitespace

    [TestCase("", "{\n  \"a\": 1\n}")]
    [TestCase("  \n", "{\n  \"a\": 1\n}  \n")]
    [TestCase("\uFEFF", "\uFEFF{\n  \"a\": 1\n}")]
    public void Empty_or_whitespace_text_is_an_empty_object(string text, string expected)
    {
        var result = Patch(text, Set("1", "a"));

        result.Should().Be(expected);
        ShouldMean(result, "{\"a\":1}");
    }

    [Test]
    public void Empty_text_without_edits_is_an_empty_object()
    {
        Patch("", []).Should().Be("{}");
    }

    [Test]
    public void A_byte_order_mark_and_the_trailing_newline_are_kept()
    {
        var result = Patch("\uFEFF{\n  \"a\": 1,\n  \"b\": 2\n}\n\n", Set("3", "a"), Set("4", "c"));

        result.Should().Be("\uFEFF{\n  \"a\": 3,\n  \"b\": 2,\n  \"c\": 4\n}\n\n");
        ShouldMean(result, "{\"a\":3,\"b\":2,\"c\":4}");
    }

    // ---- set an existing key

    [Test]
    public void Setting_an_existing_key_changes_only_its_value_bytes()
    {
        const string text = "{\n  \"a\" :1,\n  \"b\":   [1,2],\t\"c\": \"x\"  ,\n  \"d\": null\n}";

        var result = Patch(text, Set("true", "b"));

        result.Should().Be("{\n  \"a\" :1,\n  \"b\":   true,\t\"c\": \"x\"  ,\n  \"d\": null\n}");
        ShouldMean(result, "{\"a\":1,\"b\":true,\"c\":\"x\",\"d\":null}");
    }

    [TestCase("  ")]
    [TestCase("    ")]
    [TestCase("\t")]
    public void A_replaced_object_is_indented_like_its_neighbours(string unit)
    {
        string Layout(string template) => template.Replace("~", unit, StringComparison.Ordinal);
        var text = Layout("{\n~\"mcpServers\": {\n~~\"fs\": {\n~~~\"command\": \"npx\"\n~~},\n~~\"github\": 1\n~},\n~\"z\": 0\n}\n");

        var result = Patch(text, Set("{\"command\":\"gh\",\"args\":[\"mcp\",\"serve\"],\"env\":{}}", "mcpServers", "github"));

        result.Should().Be(Layout(
            "{\n~\"mcpServers\": {\n~~\"fs\": {\n~~~\"command\": \"npx\"\n~~},\n" +
            "~~\"github\": {\n~~~\"command\": \"gh\",\n~~~\"args\": [\n~~~~\"mcp\",\n~~~~\"serve\"\n~~~],\n~~~\"env\": {}\n~~}\n" +
            "~},\n~\"z\": 0\n}\n"));
        ShouldMean(result, "{\"mcpServers\":{\"fs\":{\"command\":\"npx\"},\"github\":{\"command\":\"gh\",\"args\":[\"mcp\",\"serve\"],\"env\":{}}},\"z\":0}");
    }

    [Test]
    public void Windows_line_endings_are_used_in_a_file_that_has_them()
    {
        var result = Patch("{\r\n  \"a\": 1\r\n}\r\n", Set("{\"x\":[1]}", "a"));

        result.Should().Be("{\r\n  \"a\": {\r\n    \"x\": [\r\n      1\r\n    ]\r\n  }\r\n}\r\n");
        ShouldMean(result, "{\"a\":{\"x\":[1]}}");
    }

    [TestCase("{\"a\":1,\"b\":2}", "{\"a\":{\"x\":[1,2],\"y\":{}},\"b\":2}")]
    [TestCase("{\"a\": 1, \"b\": 2}", "{\"a\": {\"x\": [1, 2], \"y\": {}}, \"b\": 2}")]
    public void A_file_written_on_one_line_gets_a_one_line_value(string text, string expected)
    {
        var result = Patch(text, Set("{\"x\":[1,2],\"y\":{}}", "a"));

        result.Should().Be(expected);
        ShouldMean(result, "{\"a\":{\"x\":[1,2],\"y\":{}},\"b\":2}");
    }

    [Test]
    public void A_value_inside_a_one_line_object_of_an_indented_file_stays_on_one_line()
    {
        var result = Patch("{\n  \"p\": {\"a\": 1, \"b\": 2}\n}", Set("[1,2]", "p", "b"));

        result.Should().Be("{\n  \"p\": {\"a\": 1, \"b\": [1, 2]}\n}");
        ShouldMean(result, "{\"p\":{\"a\":1,\"b\":[1,2]}}");
    }

    [Test]
    public void Non_ascii_stays_as_it_is_and_control_characters_are_escaped()
    {
        var value = new JsonObject { ["s"] = "café ü 😀 \" \\ \n\t\u0007\u001b\u007f", ["sk-ü"] = "é" };

        var result = Patch("{\n  \"a\": 1\n}", new JsonTextEdit(["a"], value));

        result.Should().Be("{\n  \"a\": {\n    \"s\": \"café ü 😀 \\\" \\\\ \\n\\t\\u0007\\u001b\\u007f\",\n    \"sk-ü\": \"é\"\n  }\n}");
        JsonNode.DeepEquals(JsonNode.Parse(result)!["a"], value).Should().BeTrue();
    }

    [Test]
    public void An_unpaired_surrogate_in_a_new_value_is_escaped_not_lost()
    {
        var result = Patch("{}", new JsonTextEdit(["a"], JsonValue.Create("x\ud800y")));

        result.Should().Be("{\n  \"a\": \"x\\ud800y\"\n}");
    }

    [Test]
    public void A_number_keeps_the_text_it_was_read_with()
    {
        var result = Patch("{\"a\": 1}", Set("1.0e5", "a"), Set("-0.50E-3", "b"));

        result.Should().Be("{\"a\": 1.0e5, \"b\": -0.50E-3}");
        ShouldMean(result, "{\"a\":100000,\"b\":-0.0005}");
    }

    [Test]
    public void A_key_written_with_escapes_is_the_key_it_spells()
    {
        var result = Patch("{\"\\u0061\": 1, \"b\": 2}", Set("3", "a"));

        result.Should().Be("{\"\\u0061\": 3, \"b\": 2}");
        ShouldMean(result, "{\"a\":3,\"b\":2}");
    }

    [Test]
    public void Setting_a_key_to_null_writes_null()
    {
        var result = Patch("{\"a\": 1}", new JsonTextEdit(["a"], null));

        result.Should().Be("{\"a\": null}");
    }

    // ---- add a missing key

    [Test]
    public void A_missing_key_is_appended_last_with_the_others_indent()
    {
        var result = Patch("{\n    \"a\": 1,\n    \"b\": {\n        \"c\": 2\n    }\n}\n", Set("{\"y\":true}", "x"));

        result.Should().Be("{\n    \"a\": 1,\n    \"b\": {\n        \"c\": 2\n    },\n    \"x\": {\n        \"y\": true\n    }\n}\n");
        ShouldMean(result, "{\"a\":1,\"b\":{\"c\":2},\"x\":{\"y\":true}}");
    }

    [TestCase("{\"a\":1}", "{\"a\":1,\"x\":[true]}")]
    [TestCase("{\"a\": 1}", "{\"a\": 1, \"x\": [true]}")]
    [TestCase("{ \"a\" : 1 , \"b\" : 2 }", "{ \"a\" : 1 , \"b\" : 2 , \"x\" : [true] }")]
    public void A_missing_key_in_a_one_line_object_is_appended_on_that_line(string text, string expected)
    {
        var result = Patch(text, Set("[true]", "x"));

        result.Should().Be(expected);
        JsonNode.Parse(result)!["x"]!.ToJsonString().Should().Be("[true]");
    }

    [TestCase("{}", "{\n  \"x\": {\n    \"y\": 1\n  }\n}")]
    [TestCase("{\n}", "{\n  \"x\": {\n    \"y\": 1\n  }\n}")]
    [TestCase("{ \n\n }\n", "{\n  \"x\": {\n    \"y\": 1\n  }\n}\n")]
    public void A_key_added_to_an_empty_object_gets_its_own_line(string text, string expected)
    {
        var result = Patch(text, Set("{\"y\":1}", "x"));

        result.Should().Be(expected);
        ShouldMean(result, "{\"x\":{\"y\":1}}");
    }

    [TestCase("{\n\t\"mcpServers\": {},\n\t\"z\": 0\n}", "{\n\t\"mcpServers\": {\n\t\t\"gh\": {\n\t\t\t\"command\": \"gh\"\n\t\t}\n\t},\n\t\"z\": 0\n}")]
    [TestCase("{\n  \"mcpServers\": {\n  },\n  \"z\": 0\n}", "{\n  \"mcpServers\": {\n    \"gh\": {\n      \"command\": \"gh\"\n    }\n  },\n  \"z\": 0\n}")]
    [TestCase("{\"mcpServers\":{},\"z\":0}", "{\"mcpServers\":{\"gh\":{\"command\":\"gh\"}},\"z\":0}")]
    public void A_key_added_to_a_nested_empty_object_follows_the_file(string text, string expected)
    {
        var result = Patch(text, Set("{\"command\":\"gh\"}", "mcpServers", "gh"));

        result.Should().Be(expected);
        ShouldMean(result, "{\"mcpServers\":{\"gh\":{\"command\":\"gh\"}},\"z\":0}");
    }

    [TestCase("{\n  \"p\": {\"m\": {}}\n}", "{\n  \"p\": {\"m\": {\"x\": {\"y\": 1}}}\n}")]
    [TestCase("{\n  \"p\": {\"a\": 1}\n}", "{\n  \"p\": {\"a\": 1, \"m\": {\"x\": {\"y\": 1}}}\n}")]
    public void A_key_added_inside_a_one_line_object_of_an_indented_file_stays_on_its_line(string text, string expected)
    {
        var result = Patch(text, Set("{\"y\":1}", "p", "m", "x"));

        result.Should().Be(expected);
        JsonNode.Parse(result)!["p"]!["m"]!["x"]!["y"]!.GetValue<int>().Should().Be(1);
    }

    [Test]
    public void Missing_objects_along_the_path_are_created()
    {
        var result = Patch("{\n  \"a\": 1\n}\n", Set("{\"command\":\"gh\"}", "mcpServers", "github"));

        result.Should().Be("{\n  \"a\": 1,\n  \"mcpServers\": {\n    \"github\": {\n      \"command\": \"gh\"\n    }\n  }\n}\n");
        ShouldMean(result, "{\"a\":1,\"mcpServers\":{\"github\":{\"command\":\"gh\"}}}");
    }

    [Test]
    public void A_value_that_already_has_a_parent_can_be_set_under_new_objects()
    {
        var owner = JsonNode.Parse("{\"servers\":{\"gh\":{\"command\":\"gh\"}}}")!;

        var result = Patch("{}", new JsonTextEdit(["mcpServers", "gh"], owner["servers"]!["gh"]));

        ShouldMean(result, "{\"mcpServers\":{\"gh\":{\"command\":\"gh\"}}}");
        owner.ToJsonString().Should().Be("{\"servers\":{\"gh\":{\"command\":\"gh\"}}}");
    }

    // ---- remove a key

    [TestCase("a", "{\n  \"b\": 2,\n  \"c\": 3\n}\n")]
    [TestCase("b", "{\n  \"a\": 1,\n  \"c\": 3\n}\n")]
    [TestCase("c", "{\n  \"a\": 1,\n  \"b\": 2\n}\n")]
    public void Removing_a_key_takes_its_member_and_one_comma(string key, string expected)
    {
        var result = Patch("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n", Remove(key));

        result.Should().Be(expected);
        JsonNode.Parse(result)!.AsObject().Select(m => m.Key).Should().NotContain(key).And.HaveCount(2);
    }

    [TestCase("{\"a\":1,\"b\":{\"x\":[1,{\"y\":2}]}}", "b", "{\"a\":1}")]
    [TestCase("{\"a\": 1, \"b\": 2}", "a", "{\"b\": 2}")]
    [TestCase("{\n  \"only\": {\n    \"x\": 1\n  }\n}\n", "only", "{}\n")]
    public void Removing_works_on_any_layout_and_the_last_member_leaves_valid_json(string text, string key, string expected)
    {
        var result = Patch(text, Remove(key));

        result.Should().Be(expected);
    }

    [Test]
    public void Removing_a_nested_key_leaves_its_siblings()
    {
        const string text = "{\n  \"mcpServers\": {\n    \"fs\": {\n      \"command\": \"npx\"\n    },\n    \"gh\": {\n      \"command\": \"gh\"\n    }\n  }\n}";

        var result = Patch(text, Remove("mcpServers", "fs"));

        result.Should().Be("{\n  \"mcpServers\": {\n    \"gh\": {\n      \"command\": \"gh\"\n    }\n  }\n}");
    }

    [TestCase("x")]
    [TestCase("mcpServers", "nope")]
    [TestCase("missing", "deeper", "still")]
    public void Removing_what_is_not_there_changes_nothing(params string[] path)
    {
        const string text = "{ \"a\":1,\n\"mcpServers\" : {\"fs\":{}} }\n";

        Patch(text, Remove(path)).Should().Be(text);
    }

    // ---- paths, several edits

    [Test]
    public void Several_edits_apply_in_order_to_nested_objects()
    {
        const string text = "{\n  \"mcpServers\": {\n    \"fs\": {\n      \"command\": \"npx\"\n    }\n  },\n  \"theme\": \"dark\"\n}\n";

        var result = Patch(text,
            Set("{\"command\":\"gh\"}", "mcpServers", "github"),
            Set("\"uvx\"", "mcpServers", "fs", "command"),
            Remove("theme"),
            Set("2", "mcpServers", "github", "retries"));

        result.Should().Be("{\n  \"mcpServers\": {\n    \"fs\": {\n      \"command\": \"uvx\"\n    },\n    \"github\": {\n      \"command\": \"gh\",\n      \"retries\": 2\n    }\n  }\n}\n");
    }

    [TestCase("{\"mcpServers\": []}")]
    [TestCase("{\"mcpServers\": \"x\"}")]
    [TestCase("{\"mcpServers\": null}")]
    public void A_non_object_in_the_way_is_an_error(string text)
    {
        var set = () => JsonTextPatch.Apply(text, [Set("1", "mcpServers", "gh")]);
        var remove = () => JsonTextPatch.Apply(text, [Remove("mcpServers", "gh")]);

        set.Should().Throw<DocumentFormatException>().WithMessage("*not an object where the edit's path goes through it*");
        remove.Should().Throw<DocumentFormatException>();
    }

    // ---- refusals

    [TestCase("{\"a\": 1, \"a\": 2}", new[] { "a" })]
    [TestCase("{\"a\": 1, \"b\": 2, \"b\": 3}", new[] { "c" })]
    [TestCase("{\"m\": {\"x\": 1, \"x\": 1}}", new[] { "m", "y" })]
    public void Duplicate_keys_in_an_edited_object_are_an_error(string text, string[] path)
    {
        var act = () => JsonTextPatch.Apply(text, [new JsonTextEdit(path, JsonValue.Create(5))]);

        act.Should().Throw<DocumentFormatException>().WithMessage("*same key twice*(line 1)*");
    }

    [Test]
    public void Duplicate_keys_where_nothing_is_edited_are_left_alone()
    {
        const string text = "{\"other\": {\"x\": 1, \"x\": 2}, \"a\": 1}";

        Patch(text, Set("2", "a")).Should().Be("{\"other\": {\"x\": 1, \"x\": 2}, \"a\": 2}");
    }

    [TestCase("[1, 2]")]
    [TestCase("42")]
    [TestCase("\"sk-ant-api03-SECRETVALUE\"")]
    [TestCase("null")]
    public void Text_that_is_not_an_object_is_an_error(string text)
    {
        var act = () => JsonTextPatch.Apply(text, [Set("1", "a")]);

        act.Should().Throw<DocumentFormatException>().WithMessage("The JSON text is not an object at its top level.");
    }

    [TestCase("{\"key\": \"sk-ant-api03-SECRETVALUE\",}")]
    [TestCase("{\"key\": \"sk-ant-api03-SECRETVALUE\"} SECRETTAIL")]
    [TestCase("{\"key\": sk-ant-api03-SECRETVALUE}")]
    [TestCase("{\"key\": \"sk-ant-api03-SECRETVALUE\" // SECRETCOMMENT\n}")]
    [TestCase("{\"key\": \"sk-ant-api03-SECRETVALUE\"")]
    [TestCase("{\"key\": \"sk-ant-api03-SECRETVALUE\u0001\"}")]
    public void Invalid_json_is_one_line_that_quotes_nothing(string text)
    {
        var act = () => JsonTextPatch.Apply(text, [Set("1", "a")]);

        var error = act.Should().Throw<DocumentFormatException>().Which;
        error.Message.Should().StartWith("The JSON text is not valid JSON (line 1, byte ").And.NotContain("SECRET").And.NotContain("\n");
        error.InnerException.Should().BeNull();
    }

    [Test]
    public void An_unpaired_surrogate_in_an_edited_key_is_an_error()
    {
        var act = () => JsonTextPatch.Apply("{\"\\ud800\": 1}", [Set("1", "a")]);

        act.Should().Throw<DocumentFormatException>().WithMessage("*unpaired UTF-16 surrogate*");
    }

    [Test]
    public void An_unpaired_surrogate_in_the_text_is_an_error_not_a_replacement_character()
    {
        var act = () => JsonTextPatch.Apply("{\"a\": \"x\ud800\"}", [Set("1", "b")]);

        act.Should().Throw<DocumentFormatException>().WithMessage("*unpaired UTF-16 surrogate*");
    }

    [Test]
    public void Text_over_16_MiB_is_refused()
    {
        var ascii = "{\"a\":\"" + new string('x', JsonTextPatch.MaxBytes) + "\"}";
        // Fewer characters than the limit, more bytes: two per é.
        var wide = "{\"a\":\"" + new string('é', (JsonTextPatch.MaxBytes / 2) + 1) + "\"}";

        foreach (var text in new[] { ascii, wide })
        {
            var act = () => JsonTextPatch.Apply(text, [Set("1", "b")]);
            act.Should().Throw<DocumentFormatException>().WithMessage("The JSON text is larger than 16 MiB, the most a patch reads.");
        }
    }

    [Test]
    public void Text_just_under_16_MiB_is_patched()
    {
        var text = "{\"a\":\"" + new string('x', JsonTextPatch.MaxBytes - 9) + "\"}";

        var result = Patch(text, Set("1", "b"));

        result.Should().EndWith("\",\"b\":1}");
        result.Length.Should().Be(text.Length + 6);
    }

    [Test]
    public void Nesting_deeper_than_64_levels_is_refused_and_64_is_patched()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("[", depth - 1)) + string.Concat(Enumerable.Repeat("]", depth - 1));

        Patch("{\"a\": " + Nested(64) + "}", Set("1", "b")).Should().EndWith(", \"b\": 1}");
        var act = () => JsonTextPatch.Apply("{\"a\": " + Nested(65) + "}", [Set("1", "b")]);
        act.Should().Throw<DocumentFormatException>().WithMessage("The JSON text is nested more than 64 levels deep (line 1).");
    }

    // ---- a realistic ~/.claude.json

    [Test]
    public void Setting_keys_of_a_200_KB_claude_json_to_their_own_values_changes_no_byte()
    {
        var file = ClaudeJson.Generate();
        var parsed = JsonNode.Parse(file.Text)!;
        var project = file.ProjectKeys[7];

        var result = Patch(file.Text,
            new JsonTextEdit(["mcpServers"], parsed["mcpServers"]),
            new JsonTextEdit(["projects", project, "lastCost"], parsed["projects"]![project]!["lastCost"]),
            new JsonTextEdit(["projects", project, "exampleFiles"], parsed["projects"]![project]!["exampleFiles"]),
            new JsonTextEdit(["tipsHistory"], parsed["tipsHistory"]));

        Encoding.UTF8.GetByteCount(file.Text).Should().BeGreaterThan(200 * 1024);
        result.Should().Be(file.Text);
    }

    [Test]
    public void Setting_an_escaped_string_to_its_own_value_changes_only_that_value()
    {
        var file = ClaudeJson.Generate();
        var parsed = JsonNode.Parse(file.Text)!;
        var start = file.Text.IndexOf(file.ChangelogText, StringComparison.Ordinal);

        var result = Patch(file.Text, new JsonTextEdit(["cachedChangelog"], parsed["cachedChangelog"]));

        result.Should().NotBe(file.Text, "\\u00e9 is written as é");
        result.Should().StartWith(file.Text[..start]).And.EndWith(file.Text[(start + file.ChangelogText.Length)..]);
        result[start..^(file.Text.Length - start - file.ChangelogText.Length)].Should().Be("\"# Changelog\\n\\n## 1.0.0\\n- café \\\"quoted\\\" \\\\ back\"");
        JsonNode.DeepEquals(JsonNode.Parse(result), parsed).Should().BeTrue();
    }

    [Test]
    public void Adding_an_mcp_server_to_a_200_KB_claude_json_keeps_every_other_byte()
    {
        var file = ClaudeJson.Generate();
        var server = JsonNode.Parse("{\"type\":\"stdio\",\"command\":\"gh\",\"args\":[\"mcp\"],\"env\":{\"GITHUB_TOKEN\":\"ghp_x\"}}")!;
        var insertAt = file.Text.IndexOf(file.McpServersText, StringComparison.Ordinal) + file.McpServersText.Length - "\n  }".Length;

        var result = Patch(file.Text, new JsonTextEdit(["mcpServers", "github"], server));

        var added = ",\n    \"github\": {\n      \"type\": \"stdio\",\n      \"command\": \"gh\",\n      \"args\": [\n        \"mcp\"\n      ],\n      \"env\": {\n        \"GITHUB_TOKEN\": \"ghp_x\"\n      }\n    }";
        result.Should().Be(file.Text[..insertAt] + added + file.Text[insertAt..]);
        var expected = JsonNode.Parse(file.Text)!;
        expected["mcpServers"]!["github"] = server.DeepClone();
        JsonNode.DeepEquals(JsonNode.Parse(result), expected).Should().BeTrue();
    }

    /// <summary>A ~/.claude.json as Claude Code writes it (JSON.stringify, two spaces), with the oddities real ones hold.</summary>
    private sealed record ClaudeJson(string Text, string McpServersText, string ChangelogText, IReadOnlyList<string> ProjectKeys)
    {
        public static ClaudeJson Generate()
        {
            var random = new Random(23);
            var text = new StringBuilder();
            var projects = new List<string>();
            text.Append("{\n  \"numStartups\": 412,\n  \"installMethod\": \"global\",\n  \"autoUpdates\": true,\n");
            text.Append("  \"tipsHistory\": {\n    \"new-user-warmup\": 7,\n    \"memory-command\": 40,\n    \"theme-command\": 41\n  },\n");
            text.Append("  \"userID\": \"").Append(Convert.ToHexStringLower(Enumerable.Range(0, 32).Select(_ => (byte)random.Next(256)).ToArray())).Append("\",\n");
            text.Append("  \"projects\": {\n");
            for (var p = 0; p < 100; p++)
            {
                var key = $"/home/dev/src/proj-{p}-caf\u00e9";
                projects.Add(key);
                text.Append("    \"/home/dev/src/proj-").Append(p).Append("-caf\\u00e9\": {\n");
                text.Append("      \"allowedTools\": [],\n      \"history\": [\n");
                var entries = random.Next(8, 14);
                for (var h = 0; h < entries; h++)
                {
                    text.Append("        {\n          \"display\": \"fix the \\\"flaky\\\" test in C:\\\\work\\\\caf\\u00e9 #").Append(h)
                        .Append(" then run npm test -- --grep ").Append(random.Next(100000)).Append(" and look at the output again\",\n");
                    text.Append("          \"pastedContents\": {}\n        }").Append(h < entries - 1 ? ",\n" : "\n");
                }
                text.Append("      ],\n      \"mcpContextUris\": [],\n      \"mcpServers\": {},\n      \"enabledMcpjsonServers\": [],\n");
                text.Append("      \"hasTrustDialogAccepted\": ").Append(p % 2 == 0 ? "true" : "false").Append(",\n");
                text.Append("      \"lastCost\": 1.0e5,\n      \"lastAPIDuration\": ").Append(random.Next(1_000_000)).Append(",\n");
                text.Append("      \"lastDuration\": 2.5E-3,\n      \"lastTotalInputTokens\": -0.0,\n");
                text.Append("      \"exampleFiles\": [\n        \"src/index.ts\",\n        \"README.md\"\n      ]\n    }").Append(p < 99 ? ",\n" : "\n");
            }
            text.Append("  },\n  \"mcpServers\": ");
            const string mcpServers = "{\n    \"filesystem\": {\n      \"type\": \"stdio\",\n      \"command\": \"npx\",\n      \"args\": [\n        \"-y\",\n        \"@modelcontextprotocol/server-filesystem\",\n        \"/home/dev/src\"\n      ],\n      \"env\": {}\n    },\n    \"remote\": {\n      \"type\": \"http\",\n      \"url\": \"https://mcp.example/v1\",\n      \"headers\": {\n        \"Authorization\": \"Bearer abc\"\n      }\n    }\n  }";
            text.Append(mcpServers).Append(",\n  \"cachedChangelog\": ");
            const string changelog = "\"# Changelog\\n\\n## 1.0.0\\n- caf\\u00e9 \\\"quoted\\\" \\\\ back\"";
            text.Append(changelog).Append(",\n  \"oauthAccount\": {\n    \"emailAddress\": \"dev@example.invalid\",\n    \"organizationRole\": \"admin\"\n  },\n");
            text.Append("  \"hasCompletedOnboarding\": true,\n  \"lastReleaseNotesSeen\": \"2.0.14\"\n}\n");
            return new ClaudeJson(text.ToString(), mcpServers, changelog, projects);
        }
    }
}
