using FluentAssertions;

namespace StartClaude.Testing;

/// <summary>The project's rule for a refusal, asserted in one place: the exit code, and one line on stderr that starts "error: ".</summary>
public static class ToolResultAssertions
{
    /// <returns>That line.</returns>
    public static string OneErrorLine(this ToolResult result, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.ExitCode.Should().Be(exitCode, result.ToString());
        var line = result.Error.TrimEnd().Split('\n').Should().ContainSingle(result.ToString()).Subject;
        line.Should().StartWith("error: ", result.ToString());
        return line;
    }
}
