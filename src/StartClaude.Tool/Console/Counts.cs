using System.Globalization;

namespace StartClaude.Tool.Console;

internal static class Counts
{
    /// <summary>"1 config", "3 configs".</summary>
    public static string Configs(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} config{(count == 1 ? "" : "s")}");
}
