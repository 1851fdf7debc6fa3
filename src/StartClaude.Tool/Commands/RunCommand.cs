using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Errors;
using StartClaude.Core.Launch;
using StartClaude.Tool.Launch;

namespace StartClaude.Tool.Commands;

[Command("run",
    Description = "Run any program with exactly the environment `start-claude NAME` gives claude (NAME left out: as a start here would choose), and return its exit code.",
    ExtendedHelpText = "\nExamples:\n  start-claude run work -- node agent.js --fast   run node with config 'work'\n  start-claude run -- python sdk_script.py        use this folder's binding (or the default)",
    AllowArgumentSeparator = true)]
internal sealed class RunCommand(LaunchPreparation preparation, ClaudeProcess process) : CommandBase
{
    [Argument(0, "name", Description = "The configuration (default: as a start here would choose).")]
    public string? Name { get; set; }

    /// <summary>Everything after <c>--</c>: the program and its arguments, untouched.</summary>
    public string[] RemainingArguments { get; set; } = [];

    public async Task<int> OnExecuteAsync()
    {
        if (RemainingArguments.Length == 0 || RemainingArguments[0].Length == 0)
            throw new UsageException("name the program after --: start-claude run [NAME] -- PROGRAM [ARGS...]");
        var plan = await preparation.PrepareAsync(Name, LaunchOverrides.None, [], Verbose).ConfigureAwait(false);
        return process.RunProgram(RemainingArguments[0], RemainingArguments[1..], plan);
    }
}
