namespace StartClaude.Testing;

public static class SampleDocuments
{
    public const string SecretApiKey = "sk-ant-api03-SECRETSECRETSECRET-c3Fz";

    /// <summary>A document full of fields this version does not know, as a newer device might write it.</summary>
    public const string WithUnknownFields = """
        {
          "version": 3,
          "futureTopLevel": {"nested": [1, 2.5, "three", null, true], "deep": {"a": {"b": {"c": []}}}},
          "configs": [
            {
              "id": "0b6d1b5e-3c0d-4a54-9a53-8f1d9b0c2a11",
              "name": "work",
              "profileType": "default",
              "apiKey": "sk-ant-api03-SECRETSECRETSECRET-c3Fz",
              "baseUrl": "https://api.anthropic.com",
              "model": "claude-sonnet-4-20250514",
              "isDefault": true,
              "order": 0,
              "enabled": true,
              "futureConfigField": {"x": "ünïcødé ✓", "n": 12345678901234567890}
            },
            {
              "id": "5f1c2d9e-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
              "name": "old",
              "isDeleted": true,
              "deletedAt": "2026-01-01T00:00:00.000Z"
            }
          ],
          "settings": {
            "overrideClaudeCommand": false,
            "balanceMode": {"enableByDefault": false, "strategy": "Fallback"},
            "futureSetting": [{"k": "v"}]
          }
        }
        """;

    public static string WithConfigs(params string[] names) =>
        "{\"configs\":[" + string.Join(",", names.Select((n, i) =>
            $"{{\"name\":\"{n}\",\"apiKey\":\"sk-ant-api03-key{i}-{n}-XXXXXXXXXXXX\",\"baseUrl\":\"https://api.anthropic.com\",\"isDefault\":{(i == 0 ? "true" : "false")}}}"))
        + "],\"settings\":{\"overrideClaudeCommand\":false}}";
}
