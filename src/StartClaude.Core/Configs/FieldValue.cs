using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Configs;

/// <summary>Turns typed text into a field's JSON value (checking it), and a stored value into text.</summary>
public static class FieldValue
{
    /// <summary>Why <paramref name="text"/> is not a valid value of <paramref name="field"/>, or null when it is.</summary>
    public static string? Problem(ConfigField field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        return field.Kind switch
        {
            FieldKind.Url when !IsHttpUrl(text) => $"{field.Name} must be an absolute http:// or https:// URL",
            FieldKind.Number when !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"{field.Name} must be a whole number (0 or more)",
            FieldKind.Flag when ParseFlag(text) is null => $"{field.Name} must be true or false",
            // One rule for every credential, API keys and S3 secrets alike: a token without spaces. Empty clears the field.
            FieldKind.Secret when field != ConfigFields.CustomHeaders && text.Length > 0 && SettingRules.CheckSecret(text, field.Name) is { } problem => problem,
            FieldKind.Choice when !field.Choices!.Contains(text, StringComparer.OrdinalIgnoreCase) => $"{field.Name} must be one of: {string.Join(", ", field.Choices!)}",
            FieldKind.Text when field == ConfigFields.Name && text.Trim().Length == 0 => "a config name cannot be empty",
            FieldKind.Text when field == ConfigFields.Name && text.Length > ConfigDocument.MaxNameLength => $"a config name is at most {ConfigDocument.MaxNameLength} characters",
            _ when text.Contains('\n', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal) => $"{field.Name} must be a single line",
            _ => null,
        };
    }

    /// <exception cref="UsageException">The text is not a valid value.</exception>
    public static JsonNode Parse(ConfigField field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Problem(field, text) is { } problem)
            throw new UsageException(problem);
        return field.Kind switch
        {
            FieldKind.Number => JsonValue.Create(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)),
            FieldKind.Flag => JsonValue.Create(ParseFlag(text)!.Value),
            FieldKind.Choice => JsonValue.Create(field.Choices!.First(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase))),
            FieldKind.Text when field == ConfigFields.Name => JsonValue.Create(text.Trim()),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>The value as Claude Code's environment takes it; null when the variable is not to be set.</summary>
    public static string? ForEnvironment(ConfigField field, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value is not JsonValue v)
            return null;
        return v.GetValueKind() switch
        {
            JsonValueKind.True => "1",
            JsonValueKind.False => null,
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.String when v.GetValue<string>() is { Length: > 0 } text => text,
            _ => null,
        };
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    private static bool? ParseFlag(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => null,
    };
}
