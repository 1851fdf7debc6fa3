using System.Globalization;

namespace StartClaude.Tool.Console;

internal static class Counts
{
    /// <summary>"1 config", "3 configs".</summary>
    public static string Configs(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} config{(count == 1 ? "" : "s")}");

    /// <summary>"1 warning", "2 problems": <paramref name="noun"/> takes an s unless there is one.</summary>
    public static string Of(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
