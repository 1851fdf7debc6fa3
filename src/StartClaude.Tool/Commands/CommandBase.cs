using McMaster.Extensions.CommandLineUtils;

namespace StartClaude.Tool.Commands;

/// <summary>
/// What every command accepts. Options are parsed, never looked up in the raw arguments, so nothing
/// after <c>--</c> (arguments for claude) is ever taken for one. StartClaudeApp applies them once
/// parsing has chosen the command.
/// </summary>
internal abstract class CommandBase
{
    public const string VerboseFlag = "--verbose";

    [Option(VerboseFlag, Description = "Show each HTTP request on stderr: method, path, status, duration (secrets are never shown).")]
    public bool Verbose { get; set; }
}
