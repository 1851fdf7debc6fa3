using StartClaude.Core.Documents;

namespace StartClaude.Tool.Console;

/// <summary>How a config is named to a person in one line: name, where it points, key masked.</summary>
internal static class ConfigDescriptions
{
    public static string OneLine(ConfigEntry config) =>
        string.Join("  ", new[]
        {
            config.Name ?? "(no name)",
            (config.BaseUrl is null ? null : SecretMask.Url(config.BaseUrl)) ?? (config.ProfileType == "official" ? "official login" : "default endpoint"),
            config.Model,
            Key(config),
        }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>The credential a config uses, masked; "" when it has none.</summary>
    public static string Key(ConfigEntry config) =>
        config.ApiKey is { Length: > 0 } apiKey ? SecretMask.Mask(apiKey)
        : config.AuthToken is { Length: > 0 } token ? "token " + SecretMask.Mask(token)
        : "";
}
