using StartClaude.Tool.Commands.Configs;

namespace StartClaude.Tool.Commands;

/// <summary>
/// The commands under start-claude, in the order help lists them, and which of them a run needs.
/// CommandLineUtils builds a command from its attributes by reflection; a [Subcommand] list on the
/// root made every run build all of them (and parse their type names) before reading one argument.
/// A run builds the commands its words name (Composition/CatalogSubcommands.cs); help builds them all.
/// Nothing here names a CommandLineUtils type, so a start that needs no command tree does not load it.
/// </summary>
internal static class CommandCatalog
{
    /// <summary>Every command's name, in help's order; <see cref="Types"/> holds its model at the same index.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "list", "show", "add", "edit", "remove", "default", "bind", "unbind", "which", "run",
        "s3-setup", "claude-files", "s3-upload", "s3-download", "s3-sync", "s3-status", "backups",
        "s3-history", "s3-restore", "s3-machines", "team", "doctor", "help",
    ];

    /// <summary>Every command's model type (a test checks that each declares the name at its index).</summary>
    /// <remarks>Made when asked for: loading every command type is work a start that only needs the names skips.</remarks>
    public static IReadOnlyList<Type> Types =>
    [
        typeof(ListCommand), typeof(ShowCommand), typeof(AddCommand), typeof(EditCommand), typeof(RemoveCommand), typeof(DefaultCommand),
        typeof(BindCommand), typeof(UnbindCommand), typeof(WhichCommand), typeof(RunCommand),
        typeof(S3SetupCommand), typeof(ClaudeFilesCommand), typeof(S3UploadCommand), typeof(S3DownloadCommand), typeof(S3SyncCommand), typeof(S3StatusCommand), typeof(BackupsCommand),
        typeof(S3HistoryCommand), typeof(S3RestoreCommand), typeof(Machines.S3MachinesCommand), typeof(Teams.TeamCommand), typeof(DoctorCommand), typeof(HelpCommand),
    ];

    /// <summary>The original tool's word before its S3 commands (`s3 sync`): a command word, though no command.</summary>
    public const string S3Word = "s3";

    private static readonly string[] HelpWords = ["help", "-h", "--help", "-?"];

    /// <summary>Every command, as a set of names (case ignored, as when parsing).</summary>
    public static IReadOnlySet<string> All => Names.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="word"/> names a command or is <see cref="S3Word"/>: no config may be called so.</summary>
    public static bool IsCommandWord(string word)
    {
        // A loop, not LINQ: a start asks this before anything else would load System.Linq.
        foreach (var name in Names)
        {
            if (name.Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return word.Equals(S3Word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The commands that parsing <paramref name="args"/> can choose: those named by any word (even after
    /// "--", which an option may take as its value: `--model -- list`); all of them when a word asks for
    /// help (which lists them). The commands no word names cannot change the parse.
    /// </summary>
    public static IReadOnlySet<string> NeededFor(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(w => HelpWords.Contains(w, StringComparer.OrdinalIgnoreCase)))
            return All;
        return Names.Where(n => args.Contains(n, StringComparer.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
