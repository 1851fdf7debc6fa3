using McMaster.Extensions.CommandLineUtils;
using StartClaude.Tool.Commands.Configs;

namespace StartClaude.Tool.Commands;

/// <summary>
/// The commands under start-claude, in the order help lists them, and which of them a run builds.
/// CommandLineUtils builds a command from its attributes by reflection; a [Subcommand] list on the
/// root made every run build all sixteen (and parse their type names) before reading one argument.
/// A run builds the commands its words name; help, and a parse that fails, build them all.
/// </summary>
internal static class CommandCatalog
{
    private static readonly Entry[] Entries =
    [
        Entry.For<ListCommand>("list"),
        Entry.For<ShowCommand>("show"),
        Entry.For<AddCommand>("add"),
        Entry.For<EditCommand>("edit"),
        Entry.For<RemoveCommand>("remove"),
        Entry.For<DefaultCommand>("default"),
        Entry.For<S3SetupCommand>("s3-setup"),
        Entry.For<S3UploadCommand>("s3-upload"),
        Entry.For<S3DownloadCommand>("s3-download"),
        Entry.For<S3SyncCommand>("s3-sync"),
        Entry.For<S3StatusCommand>("s3-status"),
        Entry.For<BackupsCommand>("backups"),
        Entry.For<S3HistoryCommand>("s3-history"),
        Entry.For<S3RestoreCommand>("s3-restore"),
        Entry.For<DoctorCommand>("doctor"),
        Entry.For<HelpCommand>("help"),
    ];

    private static readonly string[] HelpWords = ["help", "-h", "--help", "-?"];

    /// <summary>Every command's name, in help's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>Every command's model type, in help's order.</summary>
    public static IReadOnlyList<Type> Types { get; } = [.. Entries.Select(e => e.Type)];

    /// <summary>
    /// The commands that parsing <paramref name="args"/> can choose: those named by a word before "--";
    /// all of them when a word asks for help (which lists them). The rest cannot change the parse.
    /// </summary>
    public static IReadOnlySet<string> NeededFor(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = args.TakeWhile(a => a != "--").ToArray();
        if (words.Any(w => HelpWords.Contains(w, StringComparer.OrdinalIgnoreCase)))
            return Names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Names.Where(n => words.Contains(n, StringComparer.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Adds the commands named in <paramref name="needed"/> under <paramref name="root"/>, in help's order.</summary>
    public static void AddTo(CommandLineApplication root, IReadOnlySet<string> needed)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(needed);
        foreach (var entry in Entries.Where(e => needed.Contains(e.Name)))
            entry.Add(root);
    }

    private sealed record Entry(string Name, Type Type, Action<CommandLineApplication> Add)
    {
        // The command's own [Command] attribute names it again when its conventions apply; a test
        // checks that the two names agree.
        public static Entry For<TCommand>(string name)
            where TCommand : class =>
            new(name, typeof(TCommand), root => root.Command<TCommand>(name, _ => { }));
    }
}
