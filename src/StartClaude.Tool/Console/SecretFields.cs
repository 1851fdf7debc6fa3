using StartClaude.Core.Configs;

namespace StartClaude.Tool.Console;

/// <summary>Which fields of a config hold a credential, and so are masked whenever shown.</summary>
internal static class SecretFields
{
    private static readonly string[] CredentialWords = ["key", "token", "secret", "password", "credential", "header"];

    /// <summary>A known secret field, or a field this version does not know whose name says it holds a credential.</summary>
    public static bool IsSecret(string fieldName) =>
        ConfigFields.Find(fieldName)?.IsSecret ?? CredentialWords.Any(word => fieldName.Contains(word, StringComparison.OrdinalIgnoreCase));
}
