using System.Reflection;
using McMaster.Extensions.CommandLineUtils;

namespace StartClaude.Tool.Commands;

[Command("start-claude", Description = "Keep Claude Code configurations in sync across devices through S3-compatible storage.")]
[Subcommand(typeof(S3SetupCommand), typeof(S3UploadCommand), typeof(S3DownloadCommand), typeof(S3SyncCommand), typeof(S3StatusCommand), typeof(BackupsCommand))]
[VersionOptionFromMember("--version", MemberName = nameof(Version))]
internal sealed class RootCommand
{
    public const string VerboseFlag = "--verbose";

    /// <summary>Read before parsing (StartClaudeApp); declared here so every command accepts it and --help lists it.</summary>
    [Option(VerboseFlag, Description = "Show each HTTP request on stderr: method, path, status, duration (secrets are never shown).", Inherited = true)]
    public bool Verbose { get; set; }

    public static string Version =>
        typeof(RootCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(RootCommand).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public int OnExecute(CommandLineApplication app)
    {
        app.ShowHelp();
        return 0;
    }
}
