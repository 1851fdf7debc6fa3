using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>A stdout or stderr that cannot be written is a failure with an exit code, never an internal error or a crash.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class BrokenOutputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // sh runs the tool ("$0") with its arguments ("$@") and the given redirection.
    private static Task<ToolResult> RunRedirected(TempHome home, string redirection, params string[] args) =>
        ToolProcess.RunAsync(home, null, Limit, ["/bin/sh", "-c", $"exec \"$0\" \"$@\" {redirection}"], args);

    [TestCase("list")]
    [TestCase("list", "--json")]
    [TestCase("show", "work")]
    [TestCase("--help")]
    public async Task A_full_stdout_is_a_failure_that_says_so(params string[] args)
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));

        var result = await RunRedirected(home, "> /dev/full", args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("error: cannot write the output").And.NotContain("internal error").And.NotContain("Unhandled");
    }

    [TestCase(2, "show", "nosuch")]
    [TestCase(1, "list", "--json")]
    public async Task Without_stderr_the_exit_code_still_tells(int exitCode, params string[] args)
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));

        var result = await RunRedirected(home, "2>&- > /dev/full", args);

        result.ExitCode.Should().Be(exitCode, result.ToString());
    }
}
